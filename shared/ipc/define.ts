import type { z } from 'zod';

/** One contract channel: the request and response schemas and what the call does. */
export interface ChannelDefinition<
  Req extends z.ZodType = z.ZodType,
  Res extends z.ZodType = z.ZodType,
> {
  request: Req;
  response: Res;
  /** One sentence for the reader of the contract. */
  description: string;
}

/** Declares a channel; a helper so each channel's types are inferred from its schemas. */
export function defineChannel<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
  description: string,
): ChannelDefinition<Req, Res> {
  return { request, response, description };
}
