import { CSV_COLUMNS } from "@/lib/csv-import/csv-columns";

export function CsvColumnsTable() {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1">Header</th>
            <th>Required</th>
            <th>Meaning</th>
            <th>Example</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {CSV_COLUMNS.map((column) => (
            <tr key={column.name}>
              <td className="py-1 font-mono">{column.name}</td>
              <td>{column.required ? "yes" : ""}</td>
              <td className="text-slate-700">{column.description}</td>
              <td className="font-mono text-slate-600">{column.example}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
