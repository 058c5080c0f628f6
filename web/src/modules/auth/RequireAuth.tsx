import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert, PageLoader } from '../../ui/feedback';
import { didSignOut, SessionContext, useMe } from './session';
import { Container } from '@mantine/core';

/** Renders its children for a signed-in person; otherwise sends them to sign in and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader label="Opening Northstar…" />;
  if (me.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </Container>
    );
  }
  if (!me.data) {
    const next = location.pathname + location.search;
    const target = next === '/' || didSignOut() ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}
