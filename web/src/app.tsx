import type { ReactElement } from 'react';
import { routeHref, useRoute } from './router.js';
import { AuditView } from './views/audit-view.js';
import { Operations } from './views/operations.js';
import { PatientDashboard } from './views/patient-dashboard.js';
import { PatientList } from './views/patient-list.js';

/** The Vitalis workspace shell: top bar and the routed view. */
export function App(): ReactElement {
  const route = useRoute();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href={routeHref({ view: 'patients' })}>
          Vitalis
        </a>
        <nav aria-label="Workspace">
          <a href={routeHref({ view: 'patients' })} aria-current={route.view === 'patients' ? 'page' : undefined}>
            Patients
          </a>
          <a href={routeHref({ view: 'ops' })} aria-current={route.view === 'ops' ? 'page' : undefined}>
            Operations
          </a>
          <a href={routeHref({ view: 'audit' })} aria-current={route.view === 'audit' ? 'page' : undefined}>
            Audit
          </a>
        </nav>
      </header>
      <main id="main">
        {route.view === 'patient' ? <PatientDashboard id={route.id} tab={route.tab} /> : null}
        {route.view === 'patients' ? <PatientList /> : null}
        {route.view === 'ops' ? <Operations /> : null}
        {route.view === 'audit' ? <AuditView /> : null}
      </main>
    </>
  );
}
