/**
 * A tile grid map of Indonesia: one square per province, laid out roughly where it lies (column west to east, row
 * north to south). No shapes are shipped: the map stays a few hundred bytes of SVG and works offline.
 */
export const PROVINCE_TILES: Record<string, { col: number; row: number; short: string }> = {
  '11': { col: 0, row: 0, short: 'ACEH' },
  '12': { col: 1, row: 0, short: 'SUMUT' },
  '13': { col: 1, row: 1, short: 'SUMBAR' },
  '14': { col: 2, row: 1, short: 'RIAU' },
  '21': { col: 3, row: 1, short: 'KEPRI' },
  '15': { col: 2, row: 2, short: 'JAMBI' },
  '17': { col: 1, row: 2, short: 'BKL' },
  '16': { col: 2, row: 3, short: 'SUMSEL' },
  '19': { col: 3, row: 2, short: 'BABEL' },
  '18': { col: 2, row: 4, short: 'LPG' },
  '36': { col: 3, row: 5, short: 'BTN' },
  '31': { col: 4, row: 4, short: 'DKI' },
  '32': { col: 4, row: 5, short: 'JABAR' },
  '33': { col: 5, row: 5, short: 'JATENG' },
  '34': { col: 5, row: 6, short: 'DIY' },
  '35': { col: 6, row: 5, short: 'JATIM' },
  '51': { col: 7, row: 5, short: 'BALI' },
  '52': { col: 8, row: 5, short: 'NTB' },
  '53': { col: 9, row: 5, short: 'NTT' },
  '61': { col: 4, row: 2, short: 'KALBAR' },
  '62': { col: 5, row: 2, short: 'KALTENG' },
  '63': { col: 6, row: 3, short: 'KALSEL' },
  '64': { col: 6, row: 1, short: 'KALTIM' },
  '65': { col: 6, row: 0, short: 'KALTARA' },
  '71': { col: 9, row: 0, short: 'SULUT' },
  '75': { col: 8, row: 0, short: 'GTLO' },
  '72': { col: 8, row: 1, short: 'SULTENG' },
  '76': { col: 7, row: 2, short: 'SULBAR' },
  '73': { col: 8, row: 3, short: 'SULSEL' },
  '74': { col: 9, row: 3, short: 'SULTRA' },
  '82': { col: 10, row: 1, short: 'MALUT' },
  '81': { col: 10, row: 3, short: 'MALUKU' },
  '96': { col: 11, row: 1, short: 'PBD' },
  '92': { col: 12, row: 1, short: 'PABAR' },
  '94': { col: 12, row: 2, short: 'PATENG' },
  '91': { col: 13, row: 1, short: 'PAPUA' },
  '95': { col: 13, row: 2, short: 'PAPEG' },
  '93': { col: 13, row: 3, short: 'PASEL' },
};

/** Five shades from "none briefed" to "all briefed"; the legend names the same steps. */
export const SHADE_STEPS = [0, 25, 50, 75, 100] as const;
export const shadeOf = (percent: number) => SHADE_STEPS.findIndex((step) => percent <= step);
