import { Group, Text } from '@mantine/core';

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="#3b5bdb" />
        <path d="M16 5 L18.6 13.4 L27 16 L18.6 18.6 L16 27 L13.4 18.6 L5 16 L13.4 13.4 Z" fill="#fff" />
      </svg>
      <Text fw={750} size="lg" c="dark.8" style={{ letterSpacing: -0.3 }}>
        Northstar
      </Text>
    </Group>
  );
}
