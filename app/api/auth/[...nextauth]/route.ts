import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { isSecureRequest } from '@/lib/http/origin';

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, authOptions(isSecureRequest(req.headers, req.url)));
}

export { handler as GET, handler as POST };
