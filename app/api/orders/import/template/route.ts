import { csvTemplate } from "@/lib/csv-import/csv-columns";

/** The documented CSV headers with one example row. Public: it holds no data. */
export function GET() {
  return new Response(csvTemplate(), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="shipdesk-orders-template.csv"' },
  });
}
