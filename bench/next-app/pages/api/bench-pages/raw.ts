import type { NextApiRequest, NextApiResponse } from 'next'
import { BenchBody, verifyBearer } from '@/lib/bench'

// Benchmark baseline: the Pages Router route a careful developer writes by hand.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).setHeader('allow', 'POST').json({ status: 405 })
  if (!(await verifyBearer(req.headers.authorization))) return res.status(401).json({ status: 401 })
  if (!req.headers['content-type']?.startsWith('application/json')) return res.status(415).json({ status: 415 })
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  let data: unknown
  try {
    data = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return res.status(400).json({ status: 400 })
  }
  const parsed = BenchBody.safeParse(data)
  if (!parsed.success) return res.status(422).json({ status: 422 })
  res.status(201).json({ created: parsed.data })
}

export const config = { api: { bodyParser: false } }
