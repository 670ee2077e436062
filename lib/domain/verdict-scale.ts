/** The scale a new team starts with, from most to least accurate; admins can change it. */
export const DEFAULT_VERDICT_SCALE = ['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Misleading', 'Unverifiable'] as const;
