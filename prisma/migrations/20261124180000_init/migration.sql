-- CreateEnum
CREATE TYPE "actor_role" AS ENUM ('VIEWER', 'OPERATOR', 'ADMIN', 'SYSTEM', 'API_CLIENT');

-- CreateEnum
CREATE TYPE "order_state" AS ENUM ('RECEIVED', 'QUEUED', 'SUBMITTING', 'CREATED', 'FAILED', 'MODIFY_REQUESTED', 'CANCEL_REQUESTED', 'CANCELLED', 'DISCARDED');

-- CreateEnum
CREATE TYPE "order_event_kind" AS ENUM ('API_RECEIVED', 'KAFKA_PRODUCED', 'KAFKA_CONSUMED', 'JOB_ENQUEUED', 'JOB_ATTEMPT', 'SAP_LOOKUP', 'SAP_CREATED', 'SAP_ERROR', 'SAP_STATUS', 'STATE_CHANGED', 'WEBHOOK_DELIVERY', 'FAILURE_RECORDED', 'OPERATOR_ACTION');

-- CreateEnum
CREATE TYPE "flow" AS ENUM ('ORDERS', 'ORDER_STATUS', 'INVENTORY', 'MASTER_DATA', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "error_class" AS ENUM ('BUSINESS', 'TRANSIENT', 'POISON');

-- CreateEnum
CREATE TYPE "failure_state" AS ENUM ('OPEN', 'RETRYING', 'RESOLVED', 'DISCARDED');

-- CreateEnum
CREATE TYPE "sync_entity" AS ENUM ('PRODUCTS', 'PRICES', 'STOCK', 'CUSTOMERS');

-- CreateEnum
CREATE TYPE "sync_mode" AS ENUM ('FULL', 'DELTA');

-- CreateEnum
CREATE TYPE "run_state" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "delivery_status" AS ENUM ('PENDING', 'DELIVERING', 'SUCCEEDED', 'FAILED', 'DEAD');

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT NOT NULL,
    "actor_email" TEXT,
    "actor_role" "actor_role" NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "request_id" TEXT,
    "trace_id" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_link" (
    "id" UUID NOT NULL,
    "storefront_order_id" TEXT NOT NULL,
    "sap_sales_order" VARCHAR(10),
    "state" "order_state" NOT NULL DEFAULT 'RECEIVED',
    "customer_id" TEXT NOT NULL,
    "sap_customer" VARCHAR(10),
    "currency" CHAR(3) NOT NULL,
    "total_net" DECIMAL(16,3),
    "total_gross" DECIMAL(16,3),
    "item_count" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "api_client_id" UUID,
    "kafka_topic" TEXT,
    "kafka_partition" INTEGER,
    "kafka_offset" BIGINT,
    "trace_id" TEXT,
    "sap_status" TEXT,
    "sap_status_version" BIGINT,
    "sap_status_at" TIMESTAMPTZ(3),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMPTZ(3),
    "sap_created_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "order_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_event" (
    "id" UUID NOT NULL,
    "order_link_id" UUID NOT NULL,
    "kind" "order_event_kind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT,
    "detail" JSONB,
    "trace_id" TEXT,

    CONSTRAINT "order_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "failure_record" (
    "id" UUID NOT NULL,
    "flow" "flow" NOT NULL,
    "error_class" "error_class" NOT NULL,
    "state" "failure_state" NOT NULL DEFAULT 'OPEN',
    "sap_error_code" TEXT,
    "message" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "original_payload" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "entity_key" TEXT,
    "order_link_id" UUID,
    "job_id" TEXT,
    "kafka_topic" TEXT,
    "kafka_partition" INTEGER,
    "kafka_offset" BIGINT,
    "trace_id" TEXT,
    "resolved_by" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "discarded_by" TEXT,
    "discard_reason" TEXT,
    "discarded_at" TIMESTAMPTZ(3),
    "last_attempt_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "failure_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_run" (
    "id" UUID NOT NULL,
    "entity" "sync_entity" NOT NULL,
    "mode" "sync_mode" NOT NULL,
    "state" "run_state" NOT NULL DEFAULT 'QUEUED',
    "total" INTEGER,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "started_by" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3),
    "high_watermark" TIMESTAMPTZ(3),
    "error" TEXT,
    "job_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sync_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_watermark" (
    "entity" "sync_entity" NOT NULL,
    "watermark" TIMESTAMPTZ(3) NOT NULL,
    "last_run_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sync_watermark_pkey" PRIMARY KEY ("entity")
);

-- CreateTable
CREATE TABLE "replay_run" (
    "id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER,
    "from_offset" BIGINT,
    "to_offset" BIGINT,
    "from_time" TIMESTAMPTZ(3),
    "to_time" TIMESTAMPTZ(3),
    "dry_run" BOOLEAN NOT NULL DEFAULT true,
    "state" "run_state" NOT NULL DEFAULT 'QUEUED',
    "matched" INTEGER NOT NULL DEFAULT 0,
    "replayed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "consumer_group" TEXT,
    "requested_by" TEXT NOT NULL,
    "reason" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "replay_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_key" (
    "id" UUID NOT NULL,
    "api_client_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "response_status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_client" (
    "id" UUID NOT NULL,
    "client_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "rate_limit_per_minute" INTEGER NOT NULL DEFAULT 600,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by" TEXT,

    CONSTRAINT "api_client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signing_key" (
    "id" UUID NOT NULL,
    "kid" TEXT NOT NULL,
    "alg" TEXT NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "private_key_enc" TEXT,
    "private_key_ref" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMPTZ(3),
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "signing_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_endpoint" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret_ref" TEXT NOT NULL,
    "events" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_endpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "delivery_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "response_code" INTEGER,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "order_link_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lag_sample" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "consumer_group" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "committed" BIGINT,
    "end_offset" BIGINT NOT NULL,
    "lag" BIGINT NOT NULL,

    CONSTRAINT "lag_sample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "queue_sample" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queue" TEXT NOT NULL,
    "waiting" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "delayed" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,

    CONSTRAINT "queue_sample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_event" (
    "consumer" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "topic" TEXT,
    "kafka_partition" INTEGER,
    "kafka_offset" BIGINT,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_at_idx" ON "audit_log"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");

-- CreateIndex
CREATE INDEX "audit_log_target_type_target_id_at_idx" ON "audit_log"("target_type", "target_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "order_link_storefront_order_id_key" ON "order_link"("storefront_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "order_link_sap_sales_order_key" ON "order_link"("sap_sales_order");

-- CreateIndex
CREATE INDEX "order_link_state_updated_at_idx" ON "order_link"("state", "updated_at");

-- CreateIndex
CREATE INDEX "order_link_customer_id_created_at_idx" ON "order_link"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "order_link_created_at_idx" ON "order_link"("created_at");

-- CreateIndex
CREATE INDEX "order_link_trace_id_idx" ON "order_link"("trace_id");

-- CreateIndex
CREATE INDEX "order_event_order_link_id_at_idx" ON "order_event"("order_link_id", "at");

-- CreateIndex
CREATE INDEX "failure_record_state_flow_created_at_idx" ON "failure_record"("state", "flow", "created_at");

-- CreateIndex
CREATE INDEX "failure_record_flow_error_class_state_idx" ON "failure_record"("flow", "error_class", "state");

-- CreateIndex
CREATE INDEX "failure_record_sap_error_code_idx" ON "failure_record"("sap_error_code");

-- CreateIndex
CREATE INDEX "failure_record_entity_key_idx" ON "failure_record"("entity_key");

-- CreateIndex
CREATE INDEX "failure_record_order_link_id_idx" ON "failure_record"("order_link_id");

-- CreateIndex
CREATE INDEX "failure_record_created_at_idx" ON "failure_record"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "failure_record_kafka_topic_kafka_partition_kafka_offset_key" ON "failure_record"("kafka_topic", "kafka_partition", "kafka_offset");

-- CreateIndex
CREATE INDEX "sync_run_entity_created_at_idx" ON "sync_run"("entity", "created_at");

-- CreateIndex
CREATE INDEX "sync_run_state_idx" ON "sync_run"("state");

-- CreateIndex
CREATE INDEX "replay_run_topic_created_at_idx" ON "replay_run"("topic", "created_at");

-- CreateIndex
CREATE INDEX "replay_run_state_idx" ON "replay_run"("state");

-- CreateIndex
CREATE INDEX "idempotency_key_expires_at_idx" ON "idempotency_key"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_key_api_client_id_key_key" ON "idempotency_key"("api_client_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "api_client_client_id_key" ON "api_client"("client_id");

-- CreateIndex
CREATE UNIQUE INDEX "signing_key_kid_key" ON "signing_key"("kid");

-- CreateIndex
CREATE INDEX "webhook_delivery_status_next_attempt_at_idx" ON "webhook_delivery"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "webhook_delivery_event_type_created_at_idx" ON "webhook_delivery"("event_type", "created_at");

-- CreateIndex
CREATE INDEX "webhook_delivery_order_link_id_idx" ON "webhook_delivery"("order_link_id");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_delivery_endpoint_id_event_id_key" ON "webhook_delivery"("endpoint_id", "event_id");

-- CreateIndex
CREATE INDEX "lag_sample_consumer_group_topic_at_idx" ON "lag_sample"("consumer_group", "topic", "at");

-- CreateIndex
CREATE INDEX "lag_sample_at_idx" ON "lag_sample"("at");

-- CreateIndex
CREATE INDEX "queue_sample_queue_at_idx" ON "queue_sample"("queue", "at");

-- CreateIndex
CREATE INDEX "queue_sample_at_idx" ON "queue_sample"("at");

-- CreateIndex
CREATE INDEX "processed_event_processed_at_idx" ON "processed_event"("processed_at");

-- AddForeignKey
ALTER TABLE "order_link" ADD CONSTRAINT "order_link_api_client_id_fkey" FOREIGN KEY ("api_client_id") REFERENCES "api_client"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_event" ADD CONSTRAINT "order_event_order_link_id_fkey" FOREIGN KEY ("order_link_id") REFERENCES "order_link"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "failure_record" ADD CONSTRAINT "failure_record_order_link_id_fkey" FOREIGN KEY ("order_link_id") REFERENCES "order_link"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_watermark" ADD CONSTRAINT "sync_watermark_last_run_id_fkey" FOREIGN KEY ("last_run_id") REFERENCES "sync_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_key" ADD CONSTRAINT "idempotency_key_api_client_id_fkey" FOREIGN KEY ("api_client_id") REFERENCES "api_client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_order_link_id_fkey" FOREIGN KEY ("order_link_id") REFERENCES "order_link"("id") ON DELETE SET NULL ON UPDATE CASCADE;
