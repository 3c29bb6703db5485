import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import type { FieldSpec } from '@/components/forms/entity-form';
import { AGENCY_KINDS, BASES } from '@/lib/commitments/vocabulary';
import type { FilterOptions } from '@/lib/commitments/filter-options';
import { agencyChoices } from '@/lib/agencies/short-name';
import { localized, type Locale } from '@/lib/i18n/config';

type T = Awaited<ReturnType<typeof getTranslations<'admin'>>>;

const text = (t: T, name: Parameters<T>[0] & string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, label: t(name), ...extra });

export async function dialogueFields(): Promise<FieldSpec[]> {
  const t = await getTranslations('admin');
  return [
    text(t, 'code', { required: true, hint: t('codeHint') }),
    text(t, 'heldOn', { type: 'date', required: true }),
    text(t, 'nameKo', { required: true }),
    text(t, 'nameEn', { required: true }),
    text(t, 'placeKo', { required: true }),
    text(t, 'placeEn', { required: true }),
    text(t, 'coChairsKo'),
    text(t, 'coChairsEn'),
    text(t, 'sourceTitle'),
    text(t, 'sourcePublisher'),
    text(t, 'sourceUrl', { type: 'url' }),
    text(t, 'sourceFile'),
  ];
}

export async function agencyFields(countries: string[]): Promise<FieldSpec[]> {
  const t = await getTranslations('admin');
  const all = await getTranslations();
  return [
    text(t, 'code', { required: true, hint: t('agencyCodeHint') }),
    text(t, 'country', { required: true, hint: t('countryHint', { known: countries.join(', ') }) }),
    text(t, 'nameKo', { required: true }),
    text(t, 'shortNameKo', { hint: t('shortNameKoHint') }),
    text(t, 'nameEn', { required: true }),
    text(t, 'kind', { type: 'select', options: AGENCY_KINDS.map((k) => ({ value: k, label: all(`agencyKind.${k}`) })) }),
  ];
}

export async function commitmentFields(options: FilterOptions): Promise<FieldSpec[]> {
  const [t, all, locale] = [await getTranslations('admin'), await getTranslations(), await getLocale()];
  const named = (list: { code: string; nameKo: string; nameEn: string }[]) => list.map((x) => ({ value: x.code, label: localized(locale, { ko: x.nameKo, en: x.nameEn }) }));
  // Agencies as the reader's language names them; Korean adds the code, which the partners field takes.
  const agencyOptions = agencyChoices(options.agencies, locale as Locale).map(([code, label]) => ({ value: code, label: locale === 'ko' ? `${label} · ${code}` : label }));
  return [
    text(t, 'code', { required: true, hint: t('commitmentCodeHint') }),
    text(t, 'dialogueCode', { type: 'select', options: named(options.dialogues) }),
    text(t, 'areaCode', { type: 'select', options: named(options.areas) }),
    text(t, 'leadAgencyCode', { type: 'select', options: agencyOptions }),
    // Each fact's basis (lib/admin/commitment-basis.ts): the source's words, or a reason.
    text(t, 'leadBasis', {
      type: 'select',
      hint: t('leadBasisHint'),
      options: [{ value: '', label: t('basisAuto') }, ...BASES.map((b) => ({ value: b, label: all(`basis.${b}`) }))],
    }),
    text(t, 'leadBasisWords', { hint: t('leadBasisWordsHint') }),
    text(t, 'titleKo', { required: true, wide: true }),
    text(t, 'titleEn', { required: true, wide: true }),
    text(t, 'descriptionKo', { type: 'textarea' }),
    text(t, 'descriptionEn', { type: 'textarea' }),
    text(t, 'partners', { hint: t('partnersHint'), wide: true }),
    text(t, 'inferredReasonKo', { hint: t('inferredReasonHint'), wide: true }),
    text(t, 'inferredReasonEn', { wide: true }),
    text(t, 'due', { hint: t('dueHint') }),
    text(t, 'dueBasisWords', { hint: t('dueBasisWordsHint') }),
    text(t, 'targetKo'),
    text(t, 'targetEn'),
    text(t, 'targetBasisWords', { hint: t('targetBasisWordsHint') }),
    text(t, 'sourceExcerpt', { type: 'textarea' }),
  ];
}
