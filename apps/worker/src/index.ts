export { startWorker, type WorkerApp, type WorkerOptions } from "./app";
