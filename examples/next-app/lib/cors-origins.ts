// Origins whose pages may call the notes API from a browser, such as a
// separate front end: CORS_ORIGINS=https://app.example.com,https://admin.example.com
// Apart from lib/cors.ts so the end-to-end tests read the same list
// without loading routekit.
export const corsOrigins = (process.env.CORS_ORIGINS ?? 'http://localhost:5173')
  .split(',')
  .map((origin) => origin.trim())
  .filter((origin) => origin !== '')
