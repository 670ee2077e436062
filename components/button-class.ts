const buttonStyles = {
  primary: 'bg-blue-700 text-white hover:bg-blue-800 disabled:bg-blue-400',
  secondary: 'border border-stone-300 bg-white text-stone-800 hover:bg-stone-50 disabled:text-stone-400',
  danger: 'border border-red-300 bg-white text-red-800 hover:bg-red-50 disabled:text-red-300',
} as const;

export type ButtonVariant = keyof typeof buttonStyles;

/** Shared by submit buttons (client) and button-styled links (server). */
export function buttonClass(variant: ButtonVariant = 'primary') {
  return `inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-medium shadow-sm transition-colors disabled:cursor-not-allowed ${buttonStyles[variant]}`;
}
