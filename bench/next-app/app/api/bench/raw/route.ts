import { BenchBody, verifyBearer } from '@/lib/bench'

// Benchmark baseline: the App Router route a careful developer writes by hand.
export async function POST(req: Request) {
  if (!(await verifyBearer(req.headers.get('authorization')))) return Response.json({ status: 401 }, { status: 401 })
  if (!req.headers.get('content-type')?.startsWith('application/json')) return Response.json({ status: 415 }, { status: 415 })
  let data: unknown
  try {
    data = await req.json()
  } catch {
    return Response.json({ status: 400 }, { status: 400 })
  }
  const parsed = BenchBody.safeParse(data)
  if (!parsed.success) return Response.json({ status: 422 }, { status: 422 })
  return Response.json({ created: parsed.data }, { status: 201 })
}
