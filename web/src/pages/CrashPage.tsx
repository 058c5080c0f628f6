import { Button, Center, Container } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { EmptyState } from '../ui/feedback';

/** Shown instead of a page that failed to render: a sentence and a way out, never a stack trace. */
export function CrashPage() {
  return (
    <Container size="sm" py="xl">
      <Center>
        <EmptyState
          title="This page could not be shown"
          icon={<IconAlertTriangle aria-hidden />}
          action={
            <Button onClick={() => window.location.reload()} variant="light">
              Reload the page
            </Button>
          }
        >
          Something unexpected happened in the browser. Reloading usually helps; your saved work is safe on the server.
        </EmptyState>
      </Center>
    </Container>
  );
}
