'use client';

/**
 * Drafts: what someone types in a form is kept in this browser (localStorage) as they type,
 * offered back when they return to the page, and dropped once the form saves. Only the fields
 * of a form (components/form's Field) are drafted, each beside the saved value it started from,
 * so that a draft restored over a value someone has since changed says so, and the save is
 * checked against the version the draft began at (ADR 0020).
 */

import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { buttonClass } from '@/components/button-class';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type FieldEntry = { saved: string; label: string };
/** A form's fields by name: the value saved on the server (not a refused submission's) and the label. */
export type FieldRegistry = Map<string, FieldEntry>;

type StoredDraft = {
  savedAt: number;
  /** The version the edit is based on (the form's `version` field when typing began), if the form has one. */
  version: number | null;
  fields: Record<string, { value: string; base: string }>;
};

const PREFIX = 'claimdesk:draft:';
const registries = new WeakMap<HTMLFormElement, FieldRegistry>();

const DraftScopeContext = createContext<string | null>(null);
const FieldRegistryContext = createContext<FieldRegistry | null>(null);

/**
 * Where the drafts of the forms inside belong, such as the user and the claim: a form's
 * `draftKey` is only unique within its page, and a draft is never offered to another person
 * signed in on the same browser. Forms outside a scope keep no drafts.
 */
export function DraftScope({ scope, children }: { scope: string; children: ReactNode }) {
  return <DraftScopeContext.Provider value={scope}>{children}</DraftScopeContext.Provider>;
}

export function FieldRegistryProvider({ registry, children }: { registry: FieldRegistry; children: ReactNode }) {
  return <FieldRegistryContext.Provider value={registry}>{children}</FieldRegistryContext.Provider>;
}

/** The full storage key of a draft named within the page's DraftScope; null outside a scope. */
export function useDraftStorageKey(draftKey: string | undefined): string | null {
  const scope = useContext(DraftScopeContext);
  return draftKey && scope ? `${PREFIX}${scope}:${draftKey}` : null;
}

/** Makes a Field known to its form's draft, with the value saved on the server. */
export function useRegisteredField(name: string, saved: string, label: string, enabled: boolean) {
  const registry = useContext(FieldRegistryContext);
  useEffect(() => {
    if (!registry || !enabled) return;
    registry.set(name, { saved, label });
    return () => {
      registry.delete(name);
    };
  }, [registry, name, saved, label, enabled]);
}

function read(key: string): StoredDraft | null {
  try {
    const raw = localStorage.getItem(key);
    const draft = raw ? (JSON.parse(raw) as StoredDraft) : null;
    return draft && typeof draft.savedAt === 'number' && draft.fields && typeof draft.fields === 'object' ? draft : null;
  } catch {
    return null;
  }
}

function write(key: string, draft: StoredDraft) {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the form still works, only without a draft.
  }
}

function remove(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing stored, then.
  }
}

const CLEARED_EVENT = 'claimdesk:draft-cleared';

/** Drops a stored draft, and tells a form showing it on this page. */
function clear(key: string) {
  remove(key);
  window.dispatchEvent(new CustomEvent(CLEARED_EVENT, { detail: key }));
}

function control(form: HTMLFormElement, name: string): Control | null {
  const el = form.elements.namedItem(name);
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement ? el : null;
}

/** The saved value as this control would hold it (a textarea's line breaks, an input's trimmed URL). */
function asShown(el: Control, value: string): string {
  if (el instanceof HTMLSelectElement) return value;
  const probe = el.cloneNode(false) as HTMLInputElement | HTMLTextAreaElement;
  probe.value = value;
  return probe.value;
}

function unsaved(form: HTMLFormElement, registry: FieldRegistry): { name: string; el: Control; entry: FieldEntry }[] {
  const found = [];
  for (const [name, entry] of registry) {
    const el = control(form, name);
    if (el && el.value !== asShown(el, entry.saved)) found.push({ name, el, entry });
  }
  return found;
}

/** The value of `name` in the form with id `formId`, if it differs from the saved one. */
export function unsavedValue(formId: string, name: string): { value: string; version: number | null } | null {
  const form = document.getElementById(formId);
  const registry = form instanceof HTMLFormElement ? registries.get(form) : undefined;
  if (!(form instanceof HTMLFormElement) || !registry) return null;
  const field = unsaved(form, registry).find((f) => f.name === name);
  return field ? { value: field.el.value, version: versionOf(form) } : null;
}

function versionOf(form: HTMLFormElement): number | null {
  const el = form.elements.namedItem('version');
  const version = el instanceof HTMLInputElement && el.value !== '' ? Number(el.value) : NaN;
  return Number.isInteger(version) ? version : null;
}

// One listener for the whole page, however many forms have drafts.
const pageForms = new Set<() => boolean>();
const LEAVE_MESSAGE = 'You have changes on this page that are not saved. They stay as a draft in this browser. Leave the page anyway?';

function anyUnsaved() {
  for (const check of pageForms) if (check()) return true;
  return false;
}

function warnBeforeUnload(event: BeforeUnloadEvent) {
  if (!anyUnsaved()) return;
  event.preventDefault();
  event.returnValue = '';
}

/** The App Router has no navigation event to cancel: a click on an in-app link is asked about before it reaches next/link. */
function confirmLeavingByLink(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
  const to = new URL(link.href, location.href);
  // Another site is a full page load: beforeunload asks then.
  if (to.origin !== location.origin || (to.pathname === location.pathname && to.search === location.search)) return;
  if (anyUnsaved() && !window.confirm(LEAVE_MESSAGE)) {
    event.preventDefault();
    event.stopPropagation();
  }
}

function useLeaveWarning(enabled: boolean, check: () => boolean) {
  const latest = useRef(check);
  useEffect(() => {
    latest.current = check;
  });
  useEffect(() => {
    if (!enabled) return;
    const entry = () => latest.current();
    if (pageForms.size === 0) {
      window.addEventListener('beforeunload', warnBeforeUnload);
      document.addEventListener('click', confirmLeavingByLink, true);
    }
    pageForms.add(entry);
    return () => {
      pageForms.delete(entry);
      if (pageForms.size === 0) {
        window.removeEventListener('beforeunload', warnBeforeUnload);
        document.removeEventListener('click', confirmLeavingByLink, true);
      }
    };
  }, [enabled]);
}

type Restored = { at: number; changed: string[] };

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

function when(ms: number): string {
  const at = new Date(ms);
  return at.toDateString() === new Date().toDateString() ? timeFormat.format(at) : `${dayFormat.format(at)}, ${timeFormat.format(at)}`;
}

function list(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * The draft of one form: `draftKey` names it within the page's DraftScope (no key, no draft).
 * Returns the field registry to provide to the form's Fields, the version a restored draft pins
 * the save to (null: none), and the note offering to discard it.
 */
export function useDraft(draftKey: string | undefined, formRef: RefObject<HTMLFormElement | null>) {
  const key = useDraftStorageKey(draftKey);
  const [registry] = useState<FieldRegistry>(() => new Map());
  const [restored, setRestored] = useState<Restored | null>(null);
  const [pinned, setPinned] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    registries.set(form, registry);
    return () => {
      registries.delete(form);
    };
  }, [formRef, registry]);

  // Offer the stored draft back (the Fields have registered: children's effects run first).
  useEffect(() => {
    const form = formRef.current;
    const draft = key ? read(key) : null;
    if (!key || !form || !draft) return;
    let restored = 0;
    const changed: string[] = [];
    for (const [name, { value, base }] of Object.entries(draft.fields)) {
      const entry = registry.get(name);
      const el = control(form, name);
      if (!entry || !el || value === asShown(el, entry.saved)) continue;
      el.value = value;
      // A choice no longer offered (a retired verdict label) cannot come back.
      if (el.value !== value) {
        el.value = asShown(el, entry.saved);
        continue;
      }
      restored += 1;
      if (base !== entry.saved) changed.push(entry.label);
    }
    if (restored === 0) {
      clear(key);
      return;
    }
    for (let parent = form.parentElement?.closest('details'); parent; parent = parent.parentElement?.closest('details')) parent.open = true;
    // Saving is checked against the version the draft began at when what it started from has changed since
    // (so the save shows their version beside the draft); otherwise against the version shown now, kept
    // while the page refreshes itself, as for anything typed.
    setPinned(changed.length && draft.version !== null ? draft.version : versionOf(form));
    setRestored({ at: draft.savedAt, changed });
    setAnnouncement('');
  }, [formRef, key, registry]);

  // Keep what is typed, beside the saved value each field started from.
  useEffect(() => {
    const form = formRef.current;
    if (!key || !form) return;
    const save = () => {
      const previous = read(key);
      const fields: StoredDraft['fields'] = {};
      for (const { name, el, entry } of unsaved(form, registry)) fields[name] = { value: el.value, base: previous?.fields[name]?.base ?? entry.saved };
      if (Object.keys(fields).length === 0) remove(key);
      else write(key, { savedAt: Date.now(), version: previous ? previous.version : versionOf(form), fields });
    };
    form.addEventListener('input', save);
    form.addEventListener('change', save);
    return () => {
      form.removeEventListener('input', save);
      form.removeEventListener('change', save);
    };
  }, [formRef, key, registry]);

  // Saved, here or by another form carrying these fields: the draft is done with.
  useEffect(() => {
    if (!key) return;
    const cleared = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== key) return;
      setRestored(null);
      setPinned(null);
    };
    window.addEventListener(CLEARED_EVENT, cleared);
    return () => window.removeEventListener(CLEARED_EVENT, cleared);
  }, [key]);

  /**
   * The form's action, dropping the draft (and those of fields carried from other forms) once it
   * saves: here rather than in an effect, because a form may be gone with the page it saved.
   */
  const clearingOnSave =
    (action: (state: FormState, formData: FormData) => Promise<FormState>) =>
    async (previous: FormState, formData: FormData): Promise<FormState> => {
      const carried = [...(formRef.current?.querySelectorAll<HTMLInputElement>('input[data-draft-key]') ?? [])].filter((el) => !el.disabled);
      const keys = [key, ...carried.map((el) => el.dataset.draftKey)].filter((k): k is string => Boolean(k));
      const next = await action(previous, formData);
      if (next.ok) for (const k of keys) clear(k);
      return next;
    };

  useLeaveWarning(key !== null, () => (formRef.current ? unsaved(formRef.current, registry).length > 0 : false));

  const discard = () => {
    const form = formRef.current;
    if (!form || !key) return;
    const fields = unsaved(form, registry);
    for (const { el, entry } of fields) el.value = asShown(el, entry.saved);
    clear(key);
    setAnnouncement('Draft discarded: the form shows the saved version.');
    (fields[0]?.el ?? form.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select'))?.focus();
  };

  const note = key ? <DraftNote restored={restored} announcement={announcement} onDiscard={discard} hasVersion={pinned !== null} /> : null;
  return { registry, pinnedVersion: pinned, note, clearingOnSave };
}

function DraftNote({
  restored,
  announcement,
  onDiscard,
  hasVersion,
}: {
  restored: Restored | null;
  announcement: string;
  onDiscard: () => void;
  hasVersion: boolean;
}) {
  const id = useId();
  const text = restored
    ? [
        `Restored your unsaved draft from ${when(restored.at)}.`,
        restored.changed.length
          ? `Since you began it, the saved ${list(restored.changed.map((label) => `“${label}”`))} ${restored.changed.length > 1 ? 'have' : 'has'} changed: ${hasVersion ? 'when you save, you will see their version beside yours.' : 'check before you save.'}`
          : '',
      ]
        .filter(Boolean)
        .join(' ')
    : announcement;
  return (
    <div
      className={
        restored
          ? `mb-3 flex flex-wrap items-center justify-between gap-x-3 gap-y-2 rounded-md border px-3 py-2 text-sm ${restored.changed.length ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-sky-200 bg-sky-50 text-sky-950'}`
          : undefined
      }
    >
      {/* Always rendered, so that the restored note is announced when it appears. */}
      <p id={id} aria-live="polite" className={restored ? 'min-w-0 flex-[1_1_16rem]' : 'sr-only'}>
        {text}
      </p>
      {restored ? (
        <button type="button" onClick={onDiscard} aria-describedby={id} className={buttonClass('secondary')}>
          Discard draft
        </button>
      ) : null}
    </div>
  );
}
