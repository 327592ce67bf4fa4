/** Data utilities: CSV tables, columns and labels, splits, standardisation, one-hot, synthetic sets, windows. */
export * from './csv';
export * from './columns';
export * from './split';
export * from './standardize';
export * from './one-hot';
export * from './synthetic';
export * from './window';
