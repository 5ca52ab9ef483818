// DuckDB peer for the cchc benchmark, through the npm package @duckdb/node-api.
//
//   node bench/duckdb.mjs sheets 'bench/work/w2-10000x100/*.csv'   # W1, W2: group by file, owner
//   node bench/duckdb.mjs units  bench/work/w3-5000000.csv         # W3: group by unit, owner
//
// Prints CSV rows: key1,key2,count,Σ max,Σ appraised,Σ (max − appraised).
// Its fastest form: read_csv with auto_detect=false and every column's type
// given (exact DECIMALs for the scores, so the sums are exact), DuckDB's own
// parallel reader and glob, all cores (DuckDB's default thread count).
// The package is looked up in $DUCKDB_NODE_DIR (default bench/work/node).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const nodeDir = process.env.DUCKDB_NODE_DIR || join(here, 'work', 'node');
const require = createRequire(join(nodeDir, 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

const [mode, path] = process.argv.slice(2);
if (!['sheets', 'units'].includes(mode) || !path) {
  console.error('usage: node duckdb.mjs sheets|units PATH-OR-GLOB');
  process.exit(2);
}

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;
const score = 'DECIMAL(6,2)';
const columns = [
  ...(mode === 'units' ? [['Đơn vị', 'VARCHAR']] : []),
  ['Mục', 'VARCHAR'],
  ['Nội dung', 'VARCHAR'],
  ['Điểm tối đa', score],
  ['Điểm tự đánh giá', score],
  ['Điểm thẩm định', score],
  ['Số điểm bị trừ', score],
  ['Ghi chú', 'VARCHAR'],
  ['Trách nhiệm bộ phận phụ trách', 'VARCHAR'],
];
const columnSpec = '{' + columns.map(([n, t]) => `${sqlString(n)}: ${sqlString(t)}`).join(', ') + '}';
const key1 = mode === 'units' ? '"Đơn vị"' : 'filename';
const sql = `
SELECT ${key1} AS k1, "Trách nhiệm bộ phận phụ trách" AS k2, count(*) AS n,
       sum("Điểm tối đa")::VARCHAR AS max, sum("Điểm thẩm định")::VARCHAR AS appraised,
       sum("Điểm tối đa" - "Điểm thẩm định")::VARCHAR AS lost
FROM read_csv(${sqlString(path)}, auto_detect = false, header = true, delim = ',', quote = '"',
              escape = '"', columns = ${columnSpec}${mode === 'sheets' ? ', filename = true' : ''})
GROUP BY ALL`;

const csvCell = (v) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const lines = [];
for (const row of reader.getRows()) lines.push(row.map(csvCell).join(','));
lines.push('');
process.stdout.write(lines.join('\n'));
