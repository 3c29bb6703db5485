'use client';

import dynamic from 'next/dynamic';

/**
 * The charts render in the browser only: the server sends their fixed-height frames and the
 * table alternatives, which carry the same numbers, so nothing shifts and nothing is lost.
 */
export const StatusByAreaChart = dynamic(() => import('./status-by-area-chart').then((m) => m.StatusByAreaChart), { ssr: false });
export const DueTimelineChart = dynamic(() => import('./due-timeline-chart').then((m) => m.DueTimelineChart), { ssr: false });
export const ProgressChart = dynamic(() => import('./progress-chart').then((m) => m.ProgressChart), { ssr: false });
export const BurnupChart = dynamic(() => import('./progress-chart').then((m) => m.BurnupChart), { ssr: false });
export const ReportStatusChart = dynamic(() => import('./report-charts').then((m) => m.ReportStatusChart), { ssr: false });
