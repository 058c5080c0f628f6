import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '../modules/auth/LoginForm';
import { useMe } from '../modules/auth/session';
import { PageLoader } from '../ui/feedback';
import { AuthFrame } from '../app/AuthFrame';

/** Only paths inside the app, so that a crafted link cannot send people elsewhere. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/alliances';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const next = safeNext(params.get('next'));
  if (me.isPending) return <PageLoader />;
  if (me.data) return <Navigate to={next} replace />;
  return (
    <AuthFrame title="Sign in" subtitle="Use the e-mail address and password of your Northstar account.">
      <LoginForm onSignedIn={() => navigate(next, { replace: true })} />
    </AuthFrame>
  );
}
