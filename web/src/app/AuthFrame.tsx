// The frame of the pages used before signing in.
import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from './Logo';

export function AuthFrame({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <Box mih="100vh" bg="linear-gradient(160deg, var(--mantine-color-indigo-0) 0%, var(--mantine-color-gray-0) 60%)">
      <Center mih="100vh" px="md" py="xl">
        <Stack gap="lg" w="100%" maw={460} component="main">
          <Center>
            <Logo size={34} />
          </Center>
          <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
            <Stack gap={4} mb="lg">
              <Title order={1} size="h3">
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            Northstar — one workspace for every party of an alliance.
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
