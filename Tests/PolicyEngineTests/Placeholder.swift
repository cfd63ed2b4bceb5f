// Placeholder until the PolicyEngine tests land (removed with them).
