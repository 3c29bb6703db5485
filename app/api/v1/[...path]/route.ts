import { NotFoundError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/api';

/** Unknown API paths answer in JSON like the rest of the API, not with the HTML 404 page. */
function notFound(): Response {
  return errorResponse(new NotFoundError('No such API endpoint'));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
