package dev.peakline.reference;

import dev.peakline.domain.IndustryCode;

/** 国民经济行业: a GB/T 4754-2017 node (门类, 大类, 中类 or 小类) with its parent (null for a section). */
public record Industry(IndustryCode code, String name, String level, IndustryCode parent) {}
