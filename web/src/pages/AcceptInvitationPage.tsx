import { useNavigate, useSearchParams } from 'react-router';
import { AcceptInvitation } from '../modules/auth/AcceptInvitation';
import { AuthFrame } from '../app/AuthFrame';

export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <AuthFrame title="Accept your invitation" subtitle="Set a password to join your partners in Northstar.">
      <AcceptInvitation token={params.get('token') ?? ''} onAccepted={() => navigate('/alliances', { replace: true })} />
    </AuthFrame>
  );
}
