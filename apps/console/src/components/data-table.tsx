"use client";
/**
 * The console's table: TanStack Table v9 (sorting, column filters, row selection) rendered into a
 * plain <table>, its body virtualised with TanStack Virtual so 10k+ rows stay smooth (only the rows
 * in view, plus an overscan, are in the DOM; spacer rows keep the scroll height).
 *
 * Use:
 *   const col = dataTableColumns<Row>();
 *   const columns = col.columns([
 *     col.accessor("flow", { header: "Flow", meta: { filter: ["ORDER_CREATE", …] } }),
 *     col.accessor("attempts", { header: "Att.", meta: { num: true } }),
 *   ]);   // at module scope or in useMemo: the table needs stable columns and data
 *   <DataTable label="Failures" data={rows} columns={columns} getRowId={(r) => r.id}
 *              onRowActivate={(r) => router.push(`/failures/${r.id}`)} />
 *
 * Sorting and filtering run in the browser unless `manualSorting` / `manualFiltering` (the server
 * sorts or filters; pass the state and its change handler and query with it — see serverSort()).
 *
 * Keyboard: Tab reaches the table's current row; ↑/↓, PgUp/PgDn, Home/End move between rows
 * (scrolling virtualised rows into view), Enter activates the row (onRowActivate), Space toggles
 * its selection when selection is on. Sort headers are buttons with aria-sort; filters are
 * labelled inputs in a second header row.
 */
import {
  type ColumnDef,
  type ColumnFiltersState,
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_equalsString,
  filterFn_includesString,
  functionalUpdate,
  metaHelper,
  type ReactTable,
  type RowData,
  type RowSelectionState,
  rowSelectionFeature,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  type Updater,
  useTable,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, type MouseEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { isNavKey, moveIndex } from "./data-table-nav";

export interface DataTableColumnMeta {
  /** Right-aligned numbers. */
  num?: boolean;
  /** A column filter in the header: free text (contains) or a choice of values (equals). */
  filter?: "text" | readonly string[];
  /** The name for the filter's label when the header is not a plain string. */
  label?: string;
  /** Cell style (width, max width, ellipsis …). */
  style?: React.CSSProperties;
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  rowSelectionFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: {
    alphanumeric: sortFn_alphanumeric,
    text: sortFn_text,
    datetime: sortFn_datetime,
    basic: sortFn_basic,
  },
  filterFns: { includesString: filterFn_includesString, equalsString: filterFn_equalsString },
  columnMeta: metaHelper<DataTableColumnMeta>(),
});
export type DataTableFeatures = typeof dataTableFeatures;

/** A column helper typed for the data table's features. */
export function dataTableColumns<T extends RowData>() {
  return createColumnHelper<DataTableFeatures, T>();
}

// biome-ignore lint/suspicious/noExplicitAny: a column's value type differs per column (TanStack's own ColumnDef<…, any>[] convention)
export type DataTableColumn<T extends RowData> = ColumnDef<DataTableFeatures, T, any>;

export interface DataTableProps<T extends RowData> {
  /** Accessible name of the table. */
  label: string;
  data: readonly T[];
  columns: readonly DataTableColumn<T>[];
  getRowId: (row: T) => string;
  testId?: string;
  /** Scroll viewport height in px (rows beyond it are virtualised). */
  maxHeight?: number;
  /** Estimated row height in px (rows are measured once rendered). */
  rowHeight?: number;
  /** Sorting: controlled when `sorting` is given; `manualSorting` when the server sorts. */
  sorting?: SortingState;
  onSortingChange?: (next: SortingState) => void;
  manualSorting?: boolean;
  initialSorting?: SortingState;
  /** Column filters: controlled when `columnFilters` is given; `manualFiltering` when the server filters. */
  columnFilters?: ColumnFiltersState;
  onColumnFiltersChange?: (next: ColumnFiltersState) => void;
  manualFiltering?: boolean;
  /** Row selection (checkbox column) when onRowSelectionChange is given. */
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: (next: RowSelectionState) => void;
  /** Click or Enter on a row. */
  onRowActivate?: (row: T) => void;
  /** The row shown as current (e.g. the one open in a detail pane). */
  activeRowId?: string | null;
  /** Shown in the body when there are no rows. */
  empty?: ReactNode;
}

/** A state slice that is controlled when the prop is given, else kept here; changes are reported. */
function useControlled<S>(
  prop: S | undefined,
  initial: S,
  onChange: ((next: S) => void) | undefined,
): [S, (u: Updater<S>) => void] {
  const [inner, setInner] = useState<S>(initial);
  const value = prop ?? inner;
  const set = (u: Updater<S>) => {
    const next = functionalUpdate(u, value);
    setInner(next);
    onChange?.(next);
  };
  return [value, set];
}

const INTERACTIVE = "a,button,input,select,textarea,label,summary,[role=menuitem]";

export function DataTable<T extends RowData>({
  label,
  data,
  columns,
  getRowId,
  testId,
  maxHeight = 560,
  rowHeight = 33,
  sorting: sortingProp,
  onSortingChange,
  manualSorting = false,
  initialSorting = [],
  columnFilters: filtersProp,
  onColumnFiltersChange,
  manualFiltering = false,
  rowSelection: selectionProp,
  onRowSelectionChange,
  onRowActivate,
  activeRowId,
  empty = "No rows.",
}: DataTableProps<T>) {
  const [sorting, setSorting] = useControlled(sortingProp, initialSorting, onSortingChange);
  const [columnFilters, setColumnFilters] = useControlled<ColumnFiltersState>(
    filtersProp,
    [],
    onColumnFiltersChange,
  );
  const [rowSelection, setRowSelection] = useControlled<RowSelectionState>(
    selectionProp,
    {},
    onRowSelectionChange,
  );
  const selectable = onRowSelectionChange !== undefined;

  const table = useTable({
    features: dataTableFeatures,
    columns: columns as DataTableColumn<T>[],
    data: data as T[],
    getRowId: (row: T) => getRowId(row),
    state: { sorting, columnFilters, rowSelection },
    manualSorting,
    manualFiltering,
    enableSortingRemoval: !manualSorting,
    enableRowSelection: selectable,
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onRowSelectionChange: setRowSelection,
  });

  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 10,
    // Before the viewport is measured (and on the server) render a screenful, not nothing.
    initialRect: { width: 1000, height: maxHeight },
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items.length > 0 ? (items[0]?.start ?? 0) : 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;

  // Roving focus: one row is in the tab order; arrow keys move it.
  const [focusIndex, setFocusIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${i}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });
  const tabIndexRow = Math.min(focusIndex, Math.max(0, rows.length - 1));

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if ((e.target as HTMLElement) !== e.currentTarget) return; // keys inside a cell's control
    if (isNavKey(e.key)) {
      e.preventDefault();
      const page = Math.max(1, Math.floor(maxHeight / rowHeight) - 1);
      const next = moveIndex(e.key, index, rows.length, page);
      setFocusIndex(next);
      pendingFocus.current = next;
      virtualizer.scrollToIndex(next, { align: "auto" });
    } else if (e.key === "Enter" && onRowActivate) {
      e.preventDefault();
      const row = rows[index];
      if (row) onRowActivate(row.original);
    } else if (e.key === " " && selectable) {
      e.preventDefault();
      rows[index]?.toggleSelected();
    }
  };
  const onClick = (e: MouseEvent<HTMLTableRowElement>, index: number) => {
    setFocusIndex(index);
    if ((e.target as HTMLElement).closest(INTERACTIVE)) return; // the control handles its click
    const row = rows[index];
    if (row && onRowActivate) onRowActivate(row.original);
  };

  const leaf = table.getAllLeafColumns();
  const hasFilters = leaf.some((c) => c.columnDef.meta?.filter !== undefined);
  const colCount = leaf.length + (selectable ? 1 : 0);
  const headerRows = table.getHeaderGroups().length + (hasFilters ? 1 : 0);

  return (
    <div
      ref={scrollRef}
      className="scroll data-table"
      style={{ maxHeight, overflow: "auto" }}
      data-testid={testId ? `${testId}-scroll` : undefined}
    >
      <table
        aria-label={label}
        aria-rowcount={rows.length + headerRows}
        data-testid={testId}
        data-row-count={rows.length}
      >
        <DataTableHead table={table} selectable={selectable} hasFilters={hasFilters} />
        <tbody>
          <Spacer height={paddingTop} colSpan={colCount} />
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const active = activeRowId === row.id;
            const selected = selectable && row.getIsSelected();
            return (
              <tr
                key={row.id}
                data-index={item.index}
                data-row-id={row.id}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 1 + headerRows}
                aria-selected={selectable || activeRowId !== undefined ? selected || active : undefined}
                aria-current={active ? "true" : undefined}
                tabIndex={item.index === tabIndexRow ? 0 : -1}
                className={
                  [active ? "selected" : "", onRowActivate ? "clickable" : ""].join(" ").trim() || undefined
                }
                onClick={(e) => onClick(e, item.index)}
                onKeyDown={(e) => onKeyDown(e, item.index)}
                onFocus={() => setFocusIndex(item.index)}
              >
                {selectable && (
                  <td className="select">
                    <input
                      type="checkbox"
                      aria-label={`Select row ${row.id}`}
                      checked={row.getIsSelected()}
                      disabled={!row.getCanSelect()}
                      onChange={row.getToggleSelectedHandler()}
                    />
                  </td>
                )}
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  return (
                    <td key={cell.id} className={meta?.num ? "num" : undefined} style={meta?.style}>
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
          <Spacer height={paddingBottom} colSpan={colCount} />
          {rows.length === 0 && (
            <tr>
              <td colSpan={colCount} className="muted">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The header rows: sort buttons with aria-sort, then the column filters when any column has one. */
function DataTableHead<T extends RowData>({
  table,
  selectable,
  hasFilters,
}: {
  table: ReactTable<DataTableFeatures, T>;
  selectable: boolean;
  hasFilters: boolean;
}) {
  const leaf = table.getAllLeafColumns();
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} aria-rowindex={1}>
          {selectable && (
            <th className="select">
              <input
                type="checkbox"
                aria-label="Select all rows"
                checked={table.getIsAllRowsSelected()}
                ref={(el) => {
                  if (el) el.indeterminate = table.getIsSomeRowsSelected() && !table.getIsAllRowsSelected();
                }}
                onChange={table.getToggleAllRowsSelectedHandler()}
              />
            </th>
          )}
          {group.headers.map((header) => {
            const col = header.column;
            const meta = col.columnDef.meta;
            const sorted = col.getIsSorted();
            return (
              <th
                key={header.id}
                className={meta?.num ? "num" : undefined}
                aria-sort={
                  col.getCanSort()
                    ? sorted === "asc"
                      ? "ascending"
                      : sorted === "desc"
                        ? "descending"
                        : "none"
                    : undefined
                }
              >
                {header.isPlaceholder ? null : col.getCanSort() ? (
                  <button type="button" className="sort" onClick={col.getToggleSortingHandler()}>
                    <table.FlexRender header={header} />{" "}
                    {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
                  </button>
                ) : (
                  <table.FlexRender header={header} />
                )}
              </th>
            );
          })}
        </tr>
      ))}
      {hasFilters && (
        <tr className="filter-row" aria-rowindex={2}>
          {selectable && <th />}
          {leaf.map((col) => {
            const f = col.columnDef.meta?.filter;
            const name =
              col.columnDef.meta?.label ??
              (typeof col.columnDef.header === "string" ? col.columnDef.header : col.id);
            const value = (col.getFilterValue() as string | undefined) ?? "";
            return (
              <th key={col.id}>
                {f === "text" ? (
                  <input
                    type="search"
                    aria-label={`Filter ${name}`}
                    value={value}
                    onChange={(e) => col.setFilterValue(e.target.value || undefined)}
                  />
                ) : f ? (
                  <select
                    aria-label={`Filter ${name}`}
                    value={value}
                    onChange={(e) => col.setFilterValue(e.target.value || undefined)}
                  >
                    <option value="">All</option>
                    {f.map((o) => (
                      <option key={o}>{o}</option>
                    ))}
                  </select>
                ) : null}
              </th>
            );
          })}
        </tr>
      )}
    </thead>
  );
}

/** Stands in for the rows scrolled out of view, so the scroll height stays that of every row. */
function Spacer({ height, colSpan }: { height: number; colSpan: number }) {
  if (height <= 0) return null;
  return (
    <tr className="spacer">
      <td colSpan={colSpan} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
