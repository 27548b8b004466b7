/** The hub tells the UI where its Keycloak realm is (GET /api/ui/config), so one build runs against any realm. */
export interface UiConfig {
  issuer: string;
  clientId: string;
  /** namespaces of business keys (e.g. synthplant, site): a key typed without one is tried in each */
  keyNamespaces: string[];
}

export async function loadConfig(): Promise<UiConfig> {
  const response = await fetch('/api/ui/config', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET /api/ui/config answered HTTP ${response.status}`);
  }
  return (await response.json()) as UiConfig;
}
