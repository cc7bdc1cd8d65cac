import { useId } from 'react';
import { Dialog } from '../common/Dialog';
import { AppearanceSection } from '../app/AppearanceSection';
import { showError } from '../app/toastStore';
import { KeyProtectionSection } from './KeyProtectionSection';
import { PricesSection } from './PricesSection';
import { ProviderOrderSection } from './ProviderOrderSection';
import { ProvidersSection } from './ProvidersSection';
import type { SettingsSection } from './settingsDialogStore';
import { useAi, useAiSettings } from './useAi';
import { WebhooksSection } from './WebhooksSection';

function Section({
  title,
  children,
}: {
  readonly title: string;
  readonly children: React.ReactNode;
}) {
  const id = useId();
  return (
    <section className="ai-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** App settings: AI providers and their order, key protection, prompts, prices, appearance. */
export function SettingsDialog({
  onClose,
  focus,
}: {
  readonly onClose: () => void;
  readonly focus: SettingsSection;
}) {
  const ai = useAi();
  const settings = useAiSettings();
  const hasText =
    settings?.providers.some((p) =>
      ['openai', 'anthropic', 'gemini', 'openaiCompatible'].includes(p.kind),
    ) ?? false;
  return (
    <Dialog title="Settings" onClose={onClose}>
      <div className="ai-settings">
        {settings === null ? (
          <p className="muted">Loading…</p>
        ) : (
          <>
            {focus === 'keys' ? (
              <Section title="Key protection">
                <KeyProtectionSection />
              </Section>
            ) : null}
            <Section title="AI providers">
              <ProvidersSection settings={settings} />
            </Section>
            {settings.providers.length > 0 ? (
              <Section title="Order of providers">
                <ProviderOrderSection settings={settings} />
              </Section>
            ) : null}
            <Section title="Prompts">
              <label className="check">
                <input
                  type="checkbox"
                  checked={settings.enhancePrompts}
                  disabled={!hasText}
                  onChange={(e) =>
                    void ai
                      .setEnhancePrompts(e.target.checked)
                      .catch((err: unknown) => showError('Could not save the setting', err))
                  }
                />{' '}
                Improve each automatic prompt with the text provider before drawing
              </label>
              {!hasText ? <p className="muted">Needs a provider that writes text.</p> : null}
            </Section>
            {focus !== 'keys' ? (
              <Section title="Key protection">
                <KeyProtectionSection />
              </Section>
            ) : null}
            <Section title="Prices">
              <PricesSection settings={settings} />
            </Section>
            <Section title="Webhooks">
              <WebhooksSection />
            </Section>
            <Section title="Appearance">
              <AppearanceSection />
            </Section>
          </>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
