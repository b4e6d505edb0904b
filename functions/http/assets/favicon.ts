/**
 * hadir's icon: a white check mark on the Merah Putih red. Browsers that read `<link rel="icon">` take the SVG
 * (fingerprinted, cached for a year); anything that asks for /favicon.ico (older browsers, crawlers, link
 * previews) gets the same mark as a 32 px ICO, instead of a 404 in every page's log.
 */
export const faviconSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#c8102e"/>' +
  '<path d="M8 16.5l5.5 5.5L24 10" fill="none" stroke="#fff" stroke-width="4.4" stroke-linecap="round" stroke-linejoin="round"/></svg>';

/** A one-image ICO holding a 32x32 PNG (generated once from the same drawing). */
export const faviconIco = Buffer.from(
  'AAABAAEAICAAAAEAIACUAgAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAltJREFUeAHFwT9LG3EAgOHX3wUSApeTYlBUHBwMBCI3ZMziJpTL4BgCoZxDJEs2XQIFl7plEe2QQbB+ADMXlxQcMhwcHJxDhtIWwcXLwWGHo02wwhGSGNP8eZ6F28VtAspAAVCZDgO4AKr8E+LZInADqEyXCqhAAdgBHgXPbgCV2VGBGzoEUAZUZk8FygIoMD8FAajMjyqYM8EUhTdWCW+sMkyIKdk8PSaey9L1cHVNq1ShH8EUrB8dEM9leRHPZQlvrNKPYMLiuSxrh0VGJZigWCbN5ukxvR6urvn9/Rf9CCYkmkqwdVmlV7vRpFWqMIhgAiRFJlmvISkyQZ5pc5cvM0yIAaKpBCvFPF3355d4pk0/kiKTrNeQFJkg33GxNB3fcRkmxADJeg1Jkel6934HS9PxTJteW5dVoqkEQb7jYmk6vuPyGkEfsUwaSZF5ISkyyXqNaCpB0ObpMbFMml53+TKeaTMKQR/tRhPfcQmSFJlkvUY0laBr/eiAeC5Lr1apQrvRZFTSfmT5I308fv3G0t4uIhLmhYiEWdrbRUTCrB0W6fXz5Jz7sy+8hWAAz7SxNB3fcQmSFJm1wyK9Hq6u+fHpjLcSDOGZNpam4zsuw7QbTVqlCuMQvMIzbSxNx3dc+vFMm7t8mXEJRuCZNpam4zsuQb7jYmk6vuMyLsGIPNPG0nR8x6XLd1wsTcd3XP7Hwu3i9h/eKJZJ0240mQTBGNqNJpMimDMBGMyPIYAL5udCAFXAYPYMoCp4tgMYzI4B7NAh7UeW6XgCPgMOsAKsMB0GcAJ8AJ7o+AuYO7x2TEOW0QAAAABJRU5ErkJggg==',
  'base64',
);
