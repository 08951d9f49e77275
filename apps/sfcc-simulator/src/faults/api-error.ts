import type { Request, Response } from 'express';
import { sendScapiError } from '../scapi/scapi-error';

/** Answers an infrastructure error in the error format of the API family the request addressed. */
export function sendApiError(
  req: Request,
  res: Response,
  status: number,
  type: string,
  message: string,
  version: string,
): void {
  if (req.path.startsWith('/s/')) {
    res.status(status).json({ _v: version.replace(/^v/, '').replace('_', '.'), fault: { type, message } });
  } else if (req.path.startsWith('/product/') || req.path.startsWith('/checkout/')) {
    sendScapiError(res, status, message);
  } else {
    res.status(status).type('text/plain').send(message);
  }
}
