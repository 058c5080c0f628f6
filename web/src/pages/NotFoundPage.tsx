import { Button } from '@mantine/core';
import { IconCompass } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../ui/feedback';

export function NotFoundPage() {
  return (
    <EmptyState
      title="This page does not exist"
      icon={<IconCompass aria-hidden />}
      action={
        <Button component={Link} to="/alliances">
          Go to the portfolio
        </Button>
      }
    >
      The link may be mistyped, or the page may have moved.
    </EmptyState>
  );
}
