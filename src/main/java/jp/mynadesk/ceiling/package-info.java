/**
 * 高額療養費: versioned tables as data ({@code resources/jp/mynadesk/ceiling/*.json}, one per effective period, unconfirmed
 * figures marked provisional), {@code CeilingCalculator} (多数回, 70+ outpatient, 特定疾病, 75th-birthday halving, ratio
 * fallback).
 */
package jp.mynadesk.ceiling;
