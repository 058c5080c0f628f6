// The signed-in part of the app: the session check around the frame of every signed-in page.
// A chunk of its own, so that the sign-in page does not load the workspace's frame.
import { RequireAuth } from '../modules/auth/RequireAuth';
import { AppLayout } from './AppLayout';

export function SignedInLayout() {
  return (
    <RequireAuth>
      <AppLayout />
    </RequireAuth>
  );
}
