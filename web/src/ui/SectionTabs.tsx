// The sections of a workspace tab (Plan, Governance …) as pills, with the section in the address
// (`?section=kpis`) so that it can be shared. The default section is not written to the address;
// only the active section's body is rendered.
import { Tabs } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

export interface SectionTab<V extends string = string> {
  value: V;
  label: string;
  icon: TablerIcon;
}

/**
 * `clearOnSwitch` names the address parameters that belong to one section (an open record, a
 * view) and are dropped whenever a tab is clicked, the active one included (so that clicking it
 * goes back to the section's start); every other parameter is kept.
 */
export function SectionTabs<V extends string>({
  sections,
  defaultSection,
  label,
  clearOnSwitch = [],
  children,
}: {
  sections: readonly SectionTab<V>[];
  defaultSection: V;
  /** The tab list's accessible name, e.g. "Plan sections". */
  label: string;
  clearOnSwitch?: readonly string[];
  /** The body of the active section. */
  children: (section: V) => ReactNode;
}) {
  const [params, setParams] = useSearchParams();
  // An unknown `?section=` shows the default section.
  const section = sections.find((s) => s.value === params.get('section'))?.value ?? defaultSection;

  return (
    <Tabs
      value={section}
      onChange={(value) =>
        setParams(
          (current) => {
            const next = new URLSearchParams(current);
            for (const key of clearOnSwitch) next.delete(key);
            if (!value || value === defaultSection) next.delete('section');
            else next.set('section', value);
            return next;
          },
          { replace: true },
        )
      }
      variant="pills"
      radius="md"
      keepMounted={false}
    >
      <Tabs.List mb="md" aria-label={label}>
        {sections.map((s) => (
          <Tabs.Tab key={s.value} value={s.value} leftSection={<s.icon size={16} aria-hidden />}>
            {s.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {sections.map((s) => (
        <Tabs.Panel key={s.value} value={s.value}>
          {s.value === section && children(section)}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
