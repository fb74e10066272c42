// DEVELOPMENT-ONLY defaults, public like dev-defaults.json, so `npm run demo`
// and the e2e tests need no setup. A real deployment sets
// STRIPE_WEBHOOK_SECRET (the endpoint's `whsec_...` signing secret) and
// GITHUB_WEBHOOK_SECRET (the secret set on the GitHub webhook): with these
// defaults anyone who reads this file can sign a delivery.
export const stripeWebhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_dev_only_stripe_secret_do_not_deploy'
export const githubWebhookSecret = process.env.GITHUB_WEBHOOK_SECRET ?? 'dev-only-github-webhook-secret-do-not-deploy'
