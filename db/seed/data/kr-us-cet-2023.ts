/*
 * Source: 파이낸셜뉴스, 2023-12-09, "한미 기술대화..반도체 공급망대화·1000만불 바이오 지원·ESS 공동연구"
 * (shared sources: 2023-12-09-korea-us-cet-dialogue-fnnews.ko.txt), extracted by hand.
 * Every lead and partner link, due period and target carries its basis: `stated` with the words of
 * the excerpt that name it, or `inferred` with the reason, in both languages. Where the article
 * names only a government ("우리 정부", "미 정부", "한미 정부", "우리나라", "미국", "인도"), that
 * government is the stated party and the ministry is inferred. db/seed/seed.test.ts checks every
 * stated word against the excerpt and the source, and that every other agency has a reason.
 */
import { inferred, NOT_STATED, stated, type SeedDialogue } from '../types';

export const krUsCet2023: SeedDialogue = {
  code: 'KR-US-CET-2023',
  nameKo: '한미 차세대 핵심·신흥기술 대화',
  nameEn: 'Korea–U.S. Next-Generation Critical and Emerging Technology Dialogue',
  heldOn: '2023-12-09',
  placeKo: '서울',
  placeEn: 'Seoul',
  coChairsKo: '조태용 국가안보실장 · 제이크 설리번 미 백악관 국가안보보좌관',
  coChairsEn:
    'Cho Tae-yong (Director of National Security, Republic of Korea) and Jake Sullivan (U.S. National Security Advisor)',
  sourceTitle: '한미 기술대화..반도체 공급망대화·1000만불 바이오 지원·ESS 공동연구',
  sourcePublisher: '파이낸셜뉴스 (Financial News)',
  sourceUrl: null,
  sourceFile: '2023-12-09-korea-us-cet-dialogue-fnnews.ko.txt',
  participantAgencyCodes: [
    'NSO',
    'MSIT',
    'MOFA',
    'MOTIE',
    'MOHW',
    'NSC',
    'DOS',
    'DOE',
    'NSF',
    'OPPR',
    'OSTP',
  ],
  agencies: [
    {
      code: 'NSO',
      nameKo: '국가안보실',
      shortNameKo: '안보실',
      nameEn: 'Office of National Security',
      country: 'KR',
      kind: 'office',
    },
    {
      code: 'MSIT',
      nameKo: '과학기술정보통신부',
      shortNameKo: '과기정통부',
      nameEn: 'Ministry of Science and ICT',
      country: 'KR',
      kind: 'ministry',
    },
    {
      code: 'MOFA',
      nameKo: '외교부',
      shortNameKo: '외교부',
      nameEn: 'Ministry of Foreign Affairs',
      country: 'KR',
      kind: 'ministry',
    },
    {
      code: 'MOTIE',
      nameKo: '산업통상자원부',
      shortNameKo: '산업부',
      nameEn: 'Ministry of Trade, Industry and Energy',
      country: 'KR',
      kind: 'ministry',
    },
    {
      code: 'MOHW',
      nameKo: '보건복지부',
      shortNameKo: '복지부',
      nameEn: 'Ministry of Health and Welfare',
      country: 'KR',
      kind: 'ministry',
    },
    {
      code: 'KATS',
      nameKo: '국가기술표준원',
      shortNameKo: '국표원',
      nameEn: 'Korean Agency for Technology and Standards',
      country: 'KR',
      kind: 'agency',
    },
    {
      code: 'KRISS',
      nameKo: '한국표준과학연구원',
      shortNameKo: '표준연',
      nameEn: 'Korea Research Institute of Standards and Science',
      country: 'KR',
      kind: 'institute',
    },
    {
      code: 'KESCO',
      nameKo: '한국전기안전공사',
      shortNameKo: '한국전기안전공사',
      nameEn: 'Korea Electrical Safety Corporation',
      country: 'KR',
      kind: 'public_corporation',
    },
    {
      code: 'RIST',
      nameKo: '포항산업과학연구원',
      nameEn: 'Research Institute of Industrial Science & Technology',
      country: 'KR',
      kind: 'institute',
    },
    {
      code: 'NSC',
      nameKo: '미 국가안전보장회의',
      nameEn: 'U.S. National Security Council',
      country: 'US',
      kind: 'office',
    },
    {
      code: 'DOS',
      nameKo: '미 국무부',
      shortNameKo: '미 국무부',
      nameEn: 'U.S. Department of State',
      country: 'US',
      kind: 'ministry',
    },
    {
      code: 'DOC',
      nameKo: '미 상무부',
      shortNameKo: '미 상무부',
      nameEn: 'U.S. Department of Commerce',
      country: 'US',
      kind: 'ministry',
    },
    {
      code: 'DOE',
      nameKo: '미 에너지부',
      shortNameKo: '미 에너지부',
      nameEn: 'U.S. Department of Energy',
      country: 'US',
      kind: 'ministry',
    },
    {
      code: 'NSF',
      nameKo: '미 국립과학재단',
      shortNameKo: 'NSF',
      nameEn: 'U.S. National Science Foundation',
      country: 'US',
      kind: 'agency',
    },
    {
      code: 'NIH',
      nameKo: '미 국립보건원',
      shortNameKo: 'NIH',
      nameEn: 'U.S. National Institutes of Health',
      country: 'US',
      kind: 'agency',
    },
    {
      code: 'NIST',
      nameKo: '미 국립표준기술연구소',
      shortNameKo: 'NIST',
      nameEn: 'U.S. National Institute of Standards and Technology',
      country: 'US',
      kind: 'agency',
    },
    {
      code: 'OSTP',
      nameKo: '미 백악관 과학기술정책실',
      nameEn: 'White House Office of Science and Technology Policy',
      country: 'US',
      kind: 'office',
    },
    {
      code: 'OPPR',
      nameKo: '미 백악관 전염병 대비 및 대응 정책실',
      nameEn: 'White House Office of Pandemic Preparedness and Response Policy',
      country: 'US',
      kind: 'office',
    },
    {
      code: 'PNNL',
      nameKo: '미 북서태평양국립연구소',
      shortNameKo: 'PNNL',
      nameEn: 'Pacific Northwest National Laboratory',
      country: 'US',
      kind: 'national_lab',
    },
    {
      code: 'SNL',
      nameKo: '미 산디아(샌디아) 국립연구소',
      nameEn: 'Sandia National Laboratories',
      country: 'US',
      kind: 'national_lab',
    },
    {
      code: 'KRGOV',
      nameKo: '대한민국 정부',
      nameEn: 'Government of the Republic of Korea',
      country: 'KR',
      kind: 'government',
    },
    {
      code: 'USGOV',
      nameKo: '미국 정부',
      nameEn: 'U.S. Government',
      country: 'US',
      kind: 'government',
    },
    {
      code: 'INGOV',
      nameKo: '인도 정부',
      nameEn: 'Government of India',
      country: 'IN',
      kind: 'government',
    },
    {
      code: 'ASTC',
      nameKo: '첨단반도체기술센터',
      nameEn: 'Advanced Semiconductor Technology Center',
      country: 'KR',
      kind: 'institute',
    },
    {
      code: 'NSTC',
      nameKo: '미 국립반도체기술센터',
      nameEn: 'U.S. National Semiconductor Technology Center',
      country: 'US',
      kind: 'institute',
    },
  ],
  areas: [
    { code: 'SEMI', nameKo: '반도체', nameEn: 'Semiconductors', sortOrder: 1 },
    { code: 'BIO', nameKo: '바이오', nameEn: 'Biotechnology', sortOrder: 2 },
    { code: 'BAT', nameKo: '배터리·ESS', nameEn: 'Batteries and energy storage', sortOrder: 3 },
    { code: 'QNT', nameKo: '양자', nameEn: 'Quantum', sortOrder: 4 },
    { code: 'AI', nameKo: '인공지능', nameEn: 'Artificial intelligence', sortOrder: 5 },
    { code: 'ICT', nameKo: 'ICT', nameEn: 'Information and communications technology', sortOrder: 6 },
    {
      code: 'TRI',
      nameKo: '한·미·인도 3자 협력',
      nameEn: 'Korea–U.S.–India trilateral cooperation',
      sortOrder: 7,
    },
  ],
  commitments: [
    {
      code: 'CET23-SEMI-01',
      areaCode: 'SEMI',
      titleKo: '민관 반도체 연구개발기관 간 우수사례 공유',
      titleEn: 'Share best practices among public and private semiconductor R&D institutions',
      descriptionKo:
        '산업통상자원부와 미 상무부가 주도하는 ‘공급망·산업대화’를 통해 민관 반도체 연구개발기관 간 우수사례를 공유한다. 협업 대상에는 당시 설립 예정이던 미 국립반도체기술센터(NSTC)와 한국의 첨단반도체기술센터(ASTC)가 포함된다.',
      descriptionEn:
        'Through the Supply Chain and Industrial Dialogue led by MOTIE and the U.S. Department of Commerce, public and private semiconductor R&D institutions share best practices. The U.S. National Semiconductor Technology Center (NSTC), then to be established, and Korea’s Advanced Semiconductor Technology Center (ASTC) are among the institutions taking part.',
      leadAgencyCode: 'MOTIE',
      leadBasis: stated('산업부'),
      partners: [
        { agencyCode: 'DOC', role: 'counterpart', basis: stated('미 상무부') },
        { agencyCode: 'NSTC', role: 'participant', basis: stated('미 국립반도체기술센터(NSTC)') },
        { agencyCode: 'ASTC', role: 'participant', basis: stated('첨단반도체기술센터(ASTC)') },
      ],
      due: 'ongoing',
      dueBasis: NOT_STATED,
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        '우선 반도체의 경우 산업부와 미 상무부 주도 ‘공급망·산업대화’를 통해 민관 반도체 연구개발기관 간에 우수사례를 공유하고 연구개발 우선순위를 작성하는 등 협업 기반을 마련키로 했다. 협업 대상에는 조만간 설립될 미 국립반도체기술센터(NSTC)와 한국의 첨단반도체기술센터(ASTC)도 포함된다.',
    },
    {
      code: 'CET23-SEMI-02',
      areaCode: 'SEMI',
      titleKo: '반도체 연구개발 우선순위 작성',
      titleEn: 'Draw up semiconductor R&D priorities',
      descriptionKo:
        '산업통상자원부와 미 상무부가 주도하는 ‘공급망·산업대화’를 통해 반도체 연구개발 우선순위를 작성하는 등 협업 기반을 마련한다.',
      descriptionEn:
        'Through the Supply Chain and Industrial Dialogue led by MOTIE and the U.S. Department of Commerce, the two sides draw up semiconductor R&D priorities as a basis for collaboration.',
      leadAgencyCode: 'MOTIE',
      leadBasis: stated('산업부'),
      partners: [
        { agencyCode: 'DOC', role: 'counterpart', basis: stated('미 상무부') },
        { agencyCode: 'NSTC', role: 'participant', basis: stated('미 국립반도체기술센터(NSTC)') },
        { agencyCode: 'ASTC', role: 'participant', basis: stated('첨단반도체기술센터(ASTC)') },
      ],
      due: 'ongoing',
      dueBasis: NOT_STATED,
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        '우선 반도체의 경우 산업부와 미 상무부 주도 ‘공급망·산업대화’를 통해 민관 반도체 연구개발기관 간에 우수사례를 공유하고 연구개발 우선순위를 작성하는 등 협업 기반을 마련키로 했다. 협업 대상에는 조만간 설립될 미 국립반도체기술센터(NSTC)와 한국의 첨단반도체기술센터(ASTC)도 포함된다.',
    },
    {
      code: 'CET23-BIO-01',
      areaCode: 'BIO',
      titleKo: '과기정통부–NSF 바이오 연구개발 신규 협업 개시',
      titleEn: 'Launch a new MSIT–NSF biotechnology R&D collaboration',
      descriptionKo:
        '과학기술정보통신부와 미 국립과학재단(NSF)이 1,000만 달러 이상 규모의 연구 협업 지원을 목적으로 한 연구개발 신규 협업을 2024년에 개시한다.',
      descriptionEn:
        'MSIT and the U.S. National Science Foundation launch a new R&D collaboration in 2024 to support joint research worth at least USD 10 million.',
      leadAgencyCode: 'MSIT',
      leadBasis: stated('과기부'),
      partners: [
        { agencyCode: 'NSF', role: 'counterpart', basis: stated('미 국립과학재단') },
      ],
      due: '2024',
      dueBasis: stated('내년에'),
      targetKo: '1,000만 달러 이상',
      targetEn: '≥ USD 10 million',
      targetBasis: stated('1000만달러 이상'),
      sourceExcerpt:
        '바이오 분야는 내년에 1000만달러 이상 규모의 연구 협업 지원을 목적으로 한 과기부와 미 국립과학재단 간 연구개발 신규 협업을 개시한다.',
    },
    {
      code: 'CET23-BIO-02',
      areaCode: 'BIO',
      titleKo: '복지부–NIH 바이오의학 연구 협력 확대',
      titleEn: 'Expand MOHW–NIH biomedical research cooperation',
      descriptionKo:
        '보건복지부와 미 국립보건원(NIH)이 세포·유전자 치료 등 바이오의학 분야 연구 협력을 확대한다.',
      descriptionEn:
        'The Ministry of Health and Welfare and the U.S. National Institutes of Health expand biomedical research cooperation, including cell and gene therapy.',
      leadAgencyCode: 'MOHW',
      leadBasis: stated('복지부'),
      partners: [
        { agencyCode: 'NIH', role: 'counterpart', basis: stated('미 국립보건원(NIH)') },
      ],
      due: 'ongoing',
      dueBasis: NOT_STATED,
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        '복지부와 미 국립보건원(NIH) 간에는 세포·유전자 치료 등 바이오의학 연구 협력은 물론 의사과학자(MD-PhD) 인재 교류도 확대한다.',
    },
    {
      code: 'CET23-BIO-03',
      areaCode: 'BIO',
      titleKo: '복지부–NIH 의사과학자(MD-PhD) 인재 교류 확대',
      titleEn: 'Expand MOHW–NIH physician-scientist (MD-PhD) exchange',
      descriptionKo: '보건복지부와 미 국립보건원(NIH) 간 의사과학자(MD-PhD) 인재 교류를 확대한다.',
      descriptionEn:
        'The Ministry of Health and Welfare and the U.S. National Institutes of Health expand exchanges of physician-scientists (MD-PhD).',
      leadAgencyCode: 'MOHW',
      leadBasis: stated('복지부'),
      partners: [
        { agencyCode: 'NIH', role: 'counterpart', basis: stated('미 국립보건원(NIH)') },
      ],
      due: 'ongoing',
      dueBasis: NOT_STATED,
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        '복지부와 미 국립보건원(NIH) 간에는 세포·유전자 치료 등 바이오의학 연구 협력은 물론 의사과학자(MD-PhD) 인재 교류도 확대한다.',
    },
    {
      code: 'CET23-BIO-04',
      areaCode: 'BIO',
      titleKo: '의약품 공급망 민관 1.5트랙 채널 출범',
      titleEn: 'Launch a Track 1.5 channel on pharmaceutical supply chains',
      descriptionKo:
        '의약품 공급망 강화를 위해 한미 양국 정부와 제약기업이 참여하는 1.5트랙 채널을 2024년 중 출범시킨다.',
      descriptionEn:
        'To strengthen pharmaceutical supply chains, a Track 1.5 channel bringing together both governments and pharmaceutical companies is to be launched during 2024.',
      leadAgencyCode: 'MOHW',
      leadBasis: inferred('원문에는 “한미 정부”만 명시됨. 의약품 공급망은 보건복지부 소관이므로 주관 기관으로 추정', 'The article names only “the Korean and U.S. governments”; pharmaceutical supply is the Ministry of Health and Welfare’s remit'),
      partners: [
        { agencyCode: 'KRGOV', role: 'co_lead', basis: stated('한미 정부') },
        { agencyCode: 'USGOV', role: 'counterpart', basis: stated('한미 정부') },
        { agencyCode: 'OPPR', role: 'counterpart', basis: inferred('원문에 미측 기관이 명시되지 않음. 기술대화에 참석한 미 백악관 전염병 대비 및 대응 정책실을 상대국 기관으로 추정', 'The article names no U.S. body; the White House pandemic preparedness office attended the dialogue') },
      ],
      due: '2024',
      dueBasis: stated('내년 중'),
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        '의약품 공급망을 강화키 위한 한미 정부와 제약기업이 참여하는 1.5트랙 채널도 내년 중 출범시킨다는 계획이다.',
    },
    {
      code: 'CET23-BAT-01',
      areaCode: 'BAT',
      titleKo: '유틸리티 규모 ESS 공동연구 추진(RIST–PNNL 파트너십 포함)',
      titleEn: 'Pursue utility-scale ESS joint research, including the RIST–PNNL partnership',
      descriptionKo:
        '에너지 저장 시스템(ESS) 공동연구를 심화하고, 포항산업과학연구원(RIST)과 미 북서태평양국립연구소(PNNL) 간 파트너십을 포함하여 유틸리티 규모 ESS 연구를 추진한다.',
      descriptionEn:
        'The two sides deepen joint research on energy storage systems (ESS), conducting utility-scale ESS research that includes the partnership between the Research Institute of Industrial Science & Technology (RIST) and Pacific Northwest National Laboratory (PNNL).',
      leadAgencyCode: 'RIST',
      leadBasis: stated('포항산업과학연구원(RIST)'),
      partners: [
        { agencyCode: 'PNNL', role: 'counterpart', basis: stated('북서태평양국립연구소(PNNL)') },
        { agencyCode: 'DOE', role: 'participant', basis: inferred('PNNL은 미 에너지부 소속 국립연구소이므로 참여 기관으로 추정', 'PNNL is a Department of Energy national laboratory') },
      ],
      due: 'ongoing',
      dueBasis: NOT_STATED,
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        '배터리는 분야는 에너지 저장 시스템(ESS) 공동연구를 심화한다. 북서태평양국립연구소(PNNL)와 포항산업과학연구원(RIST) 간의 파트너십을 포함해 유틸리티 규모 ESS 연구를 진행한다.',
    },
    {
      code: 'CET23-BAT-02',
      areaCode: 'BAT',
      titleKo: '한국전기안전공사–산디아 국립연구소 ESS 안전 공동연구 MOU 체결 추진',
      titleEn: 'Pursue a KESCO–Sandia MOU on joint ESS safety research',
      descriptionKo:
        '배터리 안전 데이터베이스(DB)와 국제표준 개발 등 ESS 안전기술 관련 공동연구를 위해 한국전기안전공사(KESCO)와 미 산디아 국립연구소 간 협력 구축을 위한 양해각서(MOU)의 신규 체결을 추진한다.',
      descriptionEn:
        'Sandia National Laboratories and the Korea Electrical Safety Corporation (KESCO) pursue a new MOU for joint research on ESS safety technology, including a battery safety database and international standards development.',
      leadAgencyCode: 'KESCO',
      leadBasis: stated('한국전기안전공사(KESCO)'),
      partners: [
        { agencyCode: 'SNL', role: 'counterpart', basis: stated('미 산디아 국립연구소') },
      ],
      due: 'ongoing',
      dueBasis: NOT_STATED,
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        '배터리 안전 데이터베이스(DB)와 국제표준 개발 등 ESS 안전기술 관련 공동연구도 추진키 위해 미 산디아 국립연구소와 한국전기안전공사(KESCO) 간 협력 구축 신규 MOU(양해각서)도 추진한다.',
    },
    {
      code: 'CET23-BAT-03',
      areaCode: 'BAT',
      titleKo: '차세대 2차전지 공동연구 확대',
      titleEn: 'Expand next-generation secondary battery research',
      descriptionKo:
        '리튬금속·전고체·나트륨이온 배터리와 그 외 청정에너지 관련 차세대 2차전지 연구를 미 국립연구소와 국내 연구기관 간에 확대한다.',
      descriptionEn:
        'U.S. national laboratories and Korean research institutes expand research on next-generation secondary batteries, including lithium-metal, all-solid-state and sodium-ion batteries and other clean-energy next-generation secondary batteries.',
      leadAgencyCode: 'MOTIE',
      leadBasis: inferred('원문에는 “우리 연구기관”만 명시됨. 2차전지 연구개발은 산업통상자원부 소관이므로 주관 기관으로 추정', 'The article says only “our research institutes”; battery R&D is the Ministry of Trade, Industry and Energy’s remit'),
      partners: [
        { agencyCode: 'DOE', role: 'counterpart', basis: inferred('원문에는 “미 국립연구소”만 명시됨. 미 국립연구소는 미 에너지부 소관이므로 상대국 기관으로 추정', 'The article says only “U.S. national laboratories”, which the Department of Energy runs') },
      ],
      due: 'ongoing',
      dueBasis: NOT_STATED,
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        '또 리튬금속·전고체·나트륨이온 배터리와 그 외 청정에너지 관련 차세대 2차전지 연구도 미 국립연구소와 우리 연구기관 간에 확대한다.',
    },
    {
      code: 'CET23-QNT-01',
      areaCode: 'QNT',
      titleKo: '표준연–NIST 차세대 양자컴퓨터 연구 협력 강화',
      titleEn: 'Strengthen KRISS–NIST cooperation on next-generation quantum computer research',
      descriptionKo:
        '한국표준과학연구원과 미 국립표준기술연구소(NIST)가 차세대 양자컴퓨터 연구 증진을 위한 협력을 강화한다.',
      descriptionEn:
        'The Korea Research Institute of Standards and Science and the U.S. National Institute of Standards and Technology strengthen cooperation to advance next-generation quantum computer research.',
      leadAgencyCode: 'KRISS',
      leadBasis: stated('한국표준과학연구원'),
      partners: [
        { agencyCode: 'NIST', role: 'counterpart', basis: stated('미 국립표준기술연구소(NIST)') },
      ],
      due: 'ongoing',
      dueBasis: NOT_STATED,
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        '양자기술 분야는 한국표준과학연구원과 미 국립표준기술연구소(NIST) 간에 차세대 양자컴퓨터 연구 증진 협력을 강화하고 양국의 산업계와 대학 간 협력도 늘리기로 했다.',
    },
    {
      code: 'CET23-QNT-02',
      areaCode: 'QNT',
      titleKo: '한미 산업계·대학 간 양자기술 협력 확대',
      titleEn: 'Expand quantum cooperation between industry and universities',
      descriptionKo: '양자기술 분야에서 양국 산업계와 대학 간 협력을 확대한다.',
      descriptionEn:
        'The two countries expand quantum technology cooperation between their industries and universities.',
      leadAgencyCode: 'MSIT',
      leadBasis: inferred('원문에는 “양국의 산업계와 대학”만 명시됨. 양자기술 정책은 과학기술정보통신부 소관이므로 주관 기관으로 추정', 'The article names only “industry and universities of both countries”; quantum policy is the Ministry of Science and ICT’s remit'),
      partners: [
        { agencyCode: 'NSF', role: 'counterpart', basis: inferred('원문에 미측 기관이 명시되지 않음. 대학 간 연구 협력을 지원하는 미 국립과학재단(NSF)을 상대국 기관으로 추정', 'The article names no U.S. body; the National Science Foundation funds university research cooperation') },
      ],
      due: 'ongoing',
      dueBasis: NOT_STATED,
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        '양자기술 분야는 한국표준과학연구원과 미 국립표준기술연구소(NIST) 간에 차세대 양자컴퓨터 연구 증진 협력을 강화하고 양국의 산업계와 대학 간 협력도 늘리기로 했다.',
    },
    {
      code: 'CET23-AI-01',
      areaCode: 'AI',
      titleKo: '한국 주최 미니 AI 화상정상회의 개최 협력',
      titleEn: 'U.S. cooperation on the Korea-hosted mini virtual AI summit',
      descriptionKo:
        '2024년에 한국 정부가 주최하는 미니 AI 화상정상회의에 미국 정부가 협력하고, 이를 통해 AI 국제 거버넌스 프레임워크 마련을 위한 협업을 심화한다.',
      descriptionEn:
        'The U.S. government cooperates on the mini virtual AI summit that the Korean government hosts in 2024, deepening collaboration toward an international AI governance framework.',
      leadAgencyCode: 'MSIT',
      leadBasis: inferred('원문에는 “우리 정부”만 명시됨. AI 정책은 과학기술정보통신부 소관이므로 주관 기관으로 추정', 'The article names only “our government”; AI policy is the Ministry of Science and ICT’s remit'),
      partners: [
        { agencyCode: 'KRGOV', role: 'co_lead', basis: stated('우리 정부') },
        { agencyCode: 'USGOV', role: 'counterpart', basis: stated('미 정부') },
        { agencyCode: 'MOFA', role: 'co_lead', basis: inferred('원문에는 “우리 정부”만 명시됨. 정상회의 개최에는 외교부가 참여하므로 공동 주관 기관으로 추정', 'The article names only “our government”; a summit is organised with the Ministry of Foreign Affairs') },
        { agencyCode: 'DOS', role: 'counterpart', basis: inferred('원문에는 “미 정부”만 명시됨. 국제회의 협력 창구인 미 국무부를 상대국 기관으로 추정', 'The article names only “the U.S. government”; the State Department is its channel for international meetings') },
      ],
      due: '2024',
      dueBasis: stated('내년에'),
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        'AI는 내년에 우리 정부가 주최하는 미니 AI 화상정상회의와 AI 글로벌 포럼, 인공지능의 책임 있는 군사적 이용에 과한 고위급회의(REAIM) 등에 미 정부가 협력키로 했다.',
    },
    {
      code: 'CET23-AI-02',
      areaCode: 'AI',
      titleKo: '한국 주최 AI 글로벌 포럼 개최 협력',
      titleEn: 'U.S. cooperation on the Korea-hosted AI Global Forum',
      descriptionKo: '2024년에 한국 정부가 주최하는 AI 글로벌 포럼에 미국 정부가 협력한다.',
      descriptionEn:
        'The U.S. government cooperates on the AI Global Forum that the Korean government hosts in 2024.',
      leadAgencyCode: 'MSIT',
      leadBasis: inferred('원문에는 “우리 정부”만 명시됨. AI 정책은 과학기술정보통신부 소관이므로 주관 기관으로 추정', 'The article names only “our government”; AI policy is the Ministry of Science and ICT’s remit'),
      partners: [
        { agencyCode: 'KRGOV', role: 'co_lead', basis: stated('우리 정부') },
        { agencyCode: 'USGOV', role: 'counterpart', basis: stated('미 정부') },
        { agencyCode: 'DOS', role: 'counterpart', basis: inferred('원문에는 “미 정부”만 명시됨. 국제회의 협력 창구인 미 국무부를 상대국 기관으로 추정', 'The article names only “the U.S. government”; the State Department is its channel for international meetings') },
        { agencyCode: 'OSTP', role: 'participant', basis: inferred('원문에는 “미 정부”만 명시됨. 기술대화에 참석한 미 백악관 과학기술정책실을 참여 기관으로 추정', 'The article names only “the U.S. government”; the White House OSTP attended the dialogue') },
      ],
      due: '2024',
      dueBasis: stated('내년에'),
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        'AI는 내년에 우리 정부가 주최하는 미니 AI 화상정상회의와 AI 글로벌 포럼, 인공지능의 책임 있는 군사적 이용에 과한 고위급회의(REAIM) 등에 미 정부가 협력키로 했다.',
    },
    {
      code: 'CET23-AI-03',
      areaCode: 'AI',
      titleKo: '한국 주최 REAIM 고위급 회의 개최 협력',
      titleEn: 'U.S. cooperation on the Korea-hosted REAIM high-level meeting',
      descriptionKo:
        '2024년에 한국 정부가 주최하는 군사 분야 인공지능의 책임 있는 이용(REAIM) 고위급 회의(이하 REAIM 고위급 회의)에 미국 정부가 협력한다.',
      descriptionEn:
        'The U.S. government cooperates on the high-level meeting on Responsible AI in the Military Domain (the REAIM high-level meeting) that the Korean government hosts in 2024.',
      leadAgencyCode: 'MOFA',
      leadBasis: inferred('원문에는 “우리 정부”만 명시됨. REAIM 고위급 회의는 외교부가 주최하는 회의이므로 주관 기관으로 추정', 'The article names only “our government”; the REAIM meeting is hosted by the Ministry of Foreign Affairs'),
      partners: [
        { agencyCode: 'KRGOV', role: 'co_lead', basis: stated('우리 정부') },
        { agencyCode: 'USGOV', role: 'counterpart', basis: stated('미 정부') },
        { agencyCode: 'DOS', role: 'counterpart', basis: inferred('원문에는 “미 정부”만 명시됨. 국제회의 협력 창구인 미 국무부를 상대국 기관으로 추정', 'The article names only “the U.S. government”; the State Department is its channel for international meetings') },
      ],
      due: '2024',
      dueBasis: stated('내년에'),
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        'AI는 내년에 우리 정부가 주최하는 미니 AI 화상정상회의와 AI 글로벌 포럼, 인공지능의 책임 있는 군사적 이용에 과한 고위급회의(REAIM) 등에 미 정부가 협력키로 했다.',
    },
    {
      code: 'CET23-AI-04',
      areaCode: 'AI',
      titleKo: '국표원–NIST AI 국제표준 개발 MOU 체결',
      titleEn: 'Sign a KATS–NIST MOU on international AI standards',
      descriptionKo:
        'AI 국제표준 개발을 위해 국가기술표준원(KATS)과 미 국립표준기술연구소(NIST) 간 양해각서(MOU)를 체결한다.',
      descriptionEn:
        'The Korean Agency for Technology and Standards (KATS) and the U.S. National Institute of Standards and Technology (NIST) sign an MOU on developing international AI standards.',
      leadAgencyCode: 'KATS',
      leadBasis: stated('국가기술표준원(KATS)'),
      partners: [
        { agencyCode: 'NIST', role: 'counterpart', basis: stated('NIST') },
      ],
      due: 'ongoing',
      dueBasis: NOT_STATED,
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        '또 AI 국제표준 개발을 위해 국가기술표준원(KATS)과 NIST 간 MOU를 체결하고, AI 정책 상호운용성 촉진에 방점을 찍는 신규 인공지능 작업반도 출범시킨다.',
    },
    {
      code: 'CET23-AI-05',
      areaCode: 'AI',
      titleKo: 'AI 정책 상호운용성 신규 작업반 출범',
      titleEn: 'Launch a new AI working group on policy interoperability',
      descriptionKo: 'AI 정책 상호운용성 촉진에 중점을 둔 신규 인공지능 작업반을 한미 간에 출범시킨다.',
      descriptionEn:
        'The two sides launch a new artificial intelligence working group focused on promoting AI policy interoperability.',
      leadAgencyCode: 'MSIT',
      leadBasis: inferred('원문에 기관이 명시되지 않음. AI 정책은 과학기술정보통신부 소관이므로 주관 기관으로 추정', 'The article names no agency; AI policy is the Ministry of Science and ICT’s remit'),
      partners: [
        { agencyCode: 'OSTP', role: 'counterpart', basis: inferred('원문에 기관이 명시되지 않음. AI 정책 조정은 미 백악관 과학기술정책실 소관이므로 상대국 기관으로 추정', 'The article names no agency; AI policy coordination is the White House OSTP’s remit') },
      ],
      due: 'ongoing',
      dueBasis: NOT_STATED,
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        '또 AI 국제표준 개발을 위해 국가기술표준원(KATS)과 NIST 간 MOU를 체결하고, AI 정책 상호운용성 촉진에 방점을 찍는 신규 인공지능 작업반도 출범시킨다.',
    },
    {
      code: 'CET23-ICT-01',
      areaCode: 'ICT',
      titleKo: '동남아 등 제3국 ICT 인프라 구축 협력',
      titleEn: 'Cooperate on building ICT infrastructure in third countries',
      descriptionKo: '동남아를 비롯한 제3국의 ICT 인프라 구축에 양국이 협력한다.',
      descriptionEn:
        'The two countries cooperate on building ICT infrastructure in third countries, including in Southeast Asia.',
      leadAgencyCode: 'MSIT',
      leadBasis: inferred('원문에 기관이 명시되지 않음. ICT 인프라 협력은 과학기술정보통신부 소관이므로 주관 기관으로 추정', 'The article names no agency; ICT infrastructure cooperation is the Ministry of Science and ICT’s remit'),
      partners: [
        { agencyCode: 'DOS', role: 'counterpart', basis: inferred('원문에 기관이 명시되지 않음. 제3국 인프라 협력 창구인 미 국무부를 상대국 기관으로 추정', 'The article names no agency; the State Department handles infrastructure cooperation in third countries') },
      ],
      due: 'ongoing',
      dueBasis: NOT_STATED,
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        'ICT는 동남아를 비롯한 제3국에 인프라를 구축하는 데 협력키로 하고 5G(5세대 통신망)와 6G 국제표준 협력도 진행키로 했다.',
    },
    {
      code: 'CET23-ICT-02',
      areaCode: 'ICT',
      titleKo: '5G·6G 국제표준 협력',
      titleEn: 'Cooperate on 5G and 6G international standards',
      descriptionKo: '5G(5세대 이동통신)와 6G 국제표준 분야에서 양국이 협력한다.',
      descriptionEn:
        'The two countries cooperate on international standards for 5G and 6G mobile networks.',
      leadAgencyCode: 'MSIT',
      leadBasis: inferred('원문에 기관이 명시되지 않음. 5G·6G 표준 협력은 과학기술정보통신부 소관이므로 주관 기관으로 추정', 'The article names no agency; 5G and 6G standards are the Ministry of Science and ICT’s remit'),
      partners: [
        { agencyCode: 'DOC', role: 'counterpart', basis: inferred('원문에 기관이 명시되지 않음. 통신 표준 협력 창구인 미 상무부를 상대국 기관으로 추정', 'The article names no agency; the Department of Commerce handles telecommunications standards') },
      ],
      due: 'ongoing',
      dueBasis: NOT_STATED,
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        'ICT는 동남아를 비롯한 제3국에 인프라를 구축하는 데 협력키로 하고 5G(5세대 통신망)와 6G 국제표준 협력도 진행키로 했다.',
    },
    {
      code: 'CET23-TRI-01',
      areaCode: 'TRI',
      titleKo: '한·미·인도 3자 비공식 대화 개최',
      titleEn: 'Hold an informal Korea–U.S.–India trilateral dialogue',
      descriptionKo:
        '기술 협력을 심화·확대하기 위해, 한국에 앞서 미국과 비공식 기술대화를 가졌던 인도가 참여하는 한·미·인도 3자 비공식 대화를 2024년 초에 개최한다.',
      descriptionEn:
        'To deepen and broaden technology cooperation, an informal trilateral dialogue is to be held in early 2024 with India, which had held an informal technology dialogue with the United States before Korea.',
      leadAgencyCode: 'NSO',
      leadBasis: inferred('원문에는 “우리나라”만 명시됨. 기술대화를 주재한 국가안보실을 주관 기관으로 추정', 'The article names only “Korea”; the Office of National Security chaired the dialogue'),
      partners: [
        { agencyCode: 'KRGOV', role: 'co_lead', basis: stated('우리나라') },
        { agencyCode: 'USGOV', role: 'counterpart', basis: stated('미국') },
        { agencyCode: 'INGOV', role: 'participant', basis: stated('인도') },
        { agencyCode: 'NSC', role: 'counterpart', basis: inferred('원문에는 “미국”만 명시됨. 기술대화를 주재한 미 국가안전보장회의를 상대국 기관으로 추정', 'The article names only “the United States”; its National Security Council chaired the dialogue') },
      ],
      due: 'early-2024',
      dueBasis: stated('내년 초'),
      targetKo: null,
      targetEn: null,
      sourceExcerpt:
        '이 같은 기술 협력을 심화·확대키 위해, 우리나라에 앞서 미국과 비공식적으로 기술대화를 가졌던 인도까지 참여한 3자 비공식 대화도 내년 초에 개최키로 했다.',
    },
  ],
};
