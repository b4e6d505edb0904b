import type { EmailKind } from '../functions/domain/notifications';
import { PreviewProps as absenteeMaterials } from './absentee-materials';
import { PreviewProps as cooperativeFollowup } from './cooperative-followup';
import { PreviewProps as invitation } from './invitation';
import { PreviewProps as manageLink } from './manage-link';
import { PreviewProps as promoted } from './promoted';
import { PreviewProps as registrationCancelled } from './registration-cancelled';
import { PreviewProps as registrationChanged } from './registration-changed';
import { PreviewProps as registrationReceived } from './registration-received';
import { PreviewProps as reminder } from './reminder';
import type { EmailProps } from './render';
import { PreviewProps as signInLink } from './sign-in-link';
import { PreviewProps as thanks } from './thanks';
import { PreviewProps as ticket } from './ticket';
import { PreviewProps as waitlisted } from './waitlisted';

/** Every kind with its template file name and sample props: the preview server and the tests walk this. */
export const previews: { [K in EmailKind]: { file: string; props: EmailProps[K] } } = {
  registration_received: { file: 'registration-received', props: registrationReceived },
  ticket: { file: 'ticket', props: ticket },
  waitlisted: { file: 'waitlisted', props: waitlisted },
  promoted: { file: 'promoted', props: promoted },
  changed: { file: 'registration-changed', props: registrationChanged },
  cancelled: { file: 'registration-cancelled', props: registrationCancelled },
  reminder: { file: 'reminder', props: reminder },
  sign_in: { file: 'sign-in-link', props: signInLink },
  manage_link: { file: 'manage-link', props: manageLink },
  thanks: { file: 'thanks', props: thanks },
  absentee_materials: { file: 'absentee-materials', props: absenteeMaterials },
  invitation: { file: 'invitation', props: invitation },
  cooperative_followup: { file: 'cooperative-followup', props: cooperativeFollowup },
};
