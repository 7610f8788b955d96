export { findPrometheusTools, prometheusToolsOrSkip } from './binaries';
export type { PrometheusTools } from './binaries';
export { writeOpenMetrics } from './openMetrics';
export type { Labels, MetricFamily, Series } from './openMetrics';
export { buildTsdb, freePrometheusPort, instantQuery, startPrometheus } from './server';
export type { RunningPrometheus } from './server';
export { demoMetrics, gaugeAt, increaseInWindow } from './demo';
export type { DemoMetrics } from './demo';
