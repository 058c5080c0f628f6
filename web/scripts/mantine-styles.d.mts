export const STYLES_FILE: string;
export function neededStyles(): string[];
export function stylesModule(names: string[]): string;
