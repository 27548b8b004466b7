import { HubError } from '../api/errors';

/** What a refused signature, disposition or transition means to the person who tried it, from the hub's typed error. */
export interface Refusal {
  kind: 'reauthentication' | 'segregation' | 'not-ready' | 'already-dispositioned' | 'already-decided' | 'already-withdrawn' | 'illegal-transition'
    | 'forbidden' | 'refused' | 'failed';
  title: string;
  message: string;
  rule?: string;
  ruleText?: string;
  /** what to look at: failing checks, allowed transitions, the standing disposition */
  details: string[];
}

const TITLES: Record<Refusal['kind'], string> = {
  reauthentication: 'Re-authentication required',
  segregation: 'Segregation of duties',
  'not-ready': 'Batch not ready',
  'already-dispositioned': 'Already dispositioned',
  'already-decided': 'Already decided',
  'already-withdrawn': 'Already withdrawn',
  'illegal-transition': 'Illegal transition',
  forbidden: 'Not allowed for your role',
  refused: 'Refused',
  failed: 'Failed',
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String(v)) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function isReauthentication(error: unknown): boolean {
  return error instanceof HubError && error.classification === 'REAUTHENTICATION_REQUIRED';
}

/** Classifies by the hub's classification and rule id (extensions.rule), never by parsing the message. */
export function refusalOf(error: unknown): Refusal {
  if (!(error instanceof HubError)) {
    return { kind: 'failed', title: TITLES.failed, message: error instanceof Error ? error.message : String(error), details: [] };
  }
  const ext = error.details;
  const rule = text(ext['rule']);
  const base = { message: error.message, rule, ruleText: text(ext['ruleText']) };
  const kind = kindOf(error.classification, rule);
  const details: string[] = [];
  if (kind === 'reauthentication') {
    const window = text(ext['window']);
    details.push(`Your last login must be within ${window ?? 'the re-authentication window'}` +
      (typeof ext['authTime'] === 'number' ? `; it was at ${new Date((ext['authTime'] as number) * 1000).toISOString()}.` : '.'));
  } else if (kind === 'not-ready') {
    strings(ext['failingChecks']).forEach((c) => details.push(c));
  } else if (kind === 'already-dispositioned') {
    const standing = [text(ext['decision']), text(ext['disposition'])].filter(Boolean).join(' ');
    if (standing) {
      details.push('Standing disposition: ' + standing + '. Withdraw its signature before taking another.');
    }
  } else if (kind === 'segregation') {
    const evidence = text(ext['evidence']);
    if (evidence) {
      details.push('Your own record: ' + evidence);
    }
  } else if (kind === 'already-decided') {
    const standing = [text(ext['decision']), text(ext['exceptionDisposition'])].filter(Boolean).join(' ');
    if (standing) {
      details.push('Standing decision: ' + standing + '. Withdraw its signature before deciding again.');
    }
    const deviation = text(ext['deviation']);
    if (deviation) {
      details.push('Deviation raised: ' + deviation);
    }
  } else if (kind === 'illegal-transition') {
    const state = text(ext['state']);
    const allowed = strings(ext['allowed']);
    if (state) {
      details.push('Current state: ' + state);
    }
    details.push('Allowed from here: ' + (allowed.length ? allowed.join(', ') : 'none'));
  }
  return { kind, title: TITLES[kind], ...base, details };
}

function kindOf(classification: string, rule: string | undefined): Refusal['kind'] {
  if (classification === 'REAUTHENTICATION_REQUIRED') {
    return 'reauthentication';
  }
  if (rule?.startsWith('SIG-SOD-') || rule === 'WF-SOD') {
    return 'segregation';
  }
  if (rule === 'SIG-DISPOSITION-JUSTIFICATION') {
    return 'not-ready';
  }
  if (rule === 'SIG-DISPOSITION-ONCE') {
    return 'already-dispositioned';
  }
  if (rule === 'SIG-EXCEPTION-ONCE' || rule === 'SIG-EXCEPTION-DEVIATION-ONCE') {
    return 'already-decided';
  }
  // a withdrawal is not a decision: "already decided" would send the user looking for the wrong record
  if (rule === 'WDR-ONCE') {
    return 'already-withdrawn';
  }
  if (rule === 'WF-ILLEGAL-TRANSITION' || rule === 'WF-TRANSITION') {
    return 'illegal-transition';
  }
  if (classification === 'FORBIDDEN') {
    return 'forbidden';
  }
  return classification === 'BAD_REQUEST' ? 'refused' : 'failed';
}
