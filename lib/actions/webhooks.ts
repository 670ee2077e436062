'use server';

import { actionFor } from '@/lib/actions/safe-action';
import { createWebhookOp, deleteWebhookOp, rotateWebhookSecretOp, toggleWebhookOp } from '@/lib/operations/webhooks';

const message = ({ message }: { message: string }) => message;

export const createWebhook = actionFor(createWebhookOp, message);
export const rotateWebhookSecret = actionFor(rotateWebhookSecretOp, message);
export const toggleWebhook = actionFor(toggleWebhookOp, message);
export const deleteWebhook = actionFor(deleteWebhookOp, message);
