/** The document has no article in it, is not the kind of file it claims to be, or is beyond the import limits. */
export class ExtractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractError';
  }
}

export const NO_TEXT_MESSAGE = 'We found no article text on that page.';
