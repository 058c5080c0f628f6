// A clearable filter above a list: no value means "any".
import { Select } from '@mantine/core';

export function FilterSelect<K extends string = string>({
  value,
  onChange,
  ...props
}: {
  label: string;
  placeholder: string;
  data: { value: string; label: string }[];
  searchable?: boolean;
  value: K | undefined;
  onChange: (value: K | undefined) => void;
}) {
  return <Select {...props} clearable value={value ?? null} onChange={(v) => onChange((v as K | null) ?? undefined)} />;
}
