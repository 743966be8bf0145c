/**
 * What a verified delivery sets off. (Filled in with the replica refresh.)
 */
import type { WebhookTrigger } from './webhook-receiver';

export const refreshOnWebhook: WebhookTrigger = async () => {};
