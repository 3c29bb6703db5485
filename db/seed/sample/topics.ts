/**
 * The sample dialogue's commitments, invented for the demo: ten per area, each a title in both
 * languages and, for some, a target. Nothing here comes from a real agreement.
 */
export interface SampleTopic {
  ko: string;
  en: string;
  target?: { ko: string; en: string };
}

export const SAMPLE_TOPICS: Record<string, readonly SampleTopic[]> = {
  SEMI: [
    { ko: '반도체 공급망 조기경보 모의 훈련', en: 'Semiconductor supply-chain early-warning exercise', target: { ko: '모의 훈련 2회', en: 'Two exercises' } },
    { ko: '첨단 패키징 공동 연구 과제 선정', en: 'Selection of joint advanced-packaging research projects', target: { ko: '과제 5건', en: 'Five projects' } },
    { ko: '반도체 인력 교환 연수 프로그램 운영', en: 'Semiconductor workforce exchange programme', target: { ko: '연수생 40명', en: '40 trainees' } },
    { ko: '차세대 메모리 소재 공동 시험', en: 'Joint testing of next-generation memory materials' },
    { ko: '반도체 장비 표준 용어집 공동 발간', en: 'Glossary of semiconductor equipment standards' },
    { ko: '반도체 공장 탄소 배출 측정 방법 비교', en: 'Comparison of fab carbon-emission measurement methods' },
    { ko: '설계 자산(IP) 보호 실무 협의체 운영', en: 'Working group on design-IP protection' },
    { ko: '반도체 연구 시설 상호 개방', en: 'Mutual access to semiconductor research facilities' },
    { ko: '공급망 데이터 공유 시범 사업 추진', en: 'Supply-chain data-sharing pilot' },
    { ko: '반도체 분야 공동 학술대회 개최', en: 'Joint semiconductor research conference' },
  ],
  BIO: [
    { ko: '바이오 제조 공정 공동 실증', en: 'Joint demonstration of biomanufacturing processes' },
    { ko: '감염병 대응 공동 연구 기금 조성', en: 'Joint research fund for infectious-disease response', target: { ko: '기금 500만 달러', en: 'USD 5 million fund' } },
    { ko: '임상 데이터 표준 상호 비교', en: 'Cross-comparison of clinical-data standards' },
    { ko: '바이오 신진 연구자 교류', en: 'Early-career bioscience researcher exchange', target: { ko: '연구자 20명', en: '20 researchers' } },
    { ko: '합성생물학 안전 지침 공동 작성', en: 'Joint safety guidelines for synthetic biology' },
    { ko: '바이오뱅크 시료 교환 절차 마련', en: 'Biobank sample-exchange procedure' },
    { ko: '유전체 분석 공동 플랫폼 시범 운영', en: 'Pilot of a shared genome-analysis platform' },
    { ko: '의료기기 인허가 정보 교류 회의 개최', en: 'Meetings on medical-device approval practice' },
    { ko: '바이오 스타트업 공동 육성 프로그램 운영', en: 'Joint bio-startup incubation programme', target: { ko: '기업 10개사', en: '10 companies' } },
    { ko: '백신 원료 공급망 점검', en: 'Review of vaccine raw-material supply chains' },
  ],
  BAT: [
    { ko: '차세대 배터리 안전성 시험 공동 수행', en: 'Joint safety testing of next-generation batteries' },
    { ko: 'ESS 화재 대응 지침 공동 개발', en: 'Joint guidelines for ESS fire response' },
    { ko: '사용후 배터리 재활용 실증', en: 'Used-battery recycling demonstration', target: { ko: '재활용률 80%', en: '80% recovery rate' } },
    { ko: '배터리 소재 공급망 지도 작성', en: 'Map of battery-material supply chains' },
    { ko: '전고체 배터리 공동 연구실 운영', en: 'Joint solid-state battery laboratory' },
    { ko: '배터리 성능 평가 기준 상호 인정 검토', en: 'Review of mutual recognition of battery test standards' },
    { ko: '에너지저장 전문 인력 교류', en: 'Energy-storage specialist exchange', target: { ko: '전문가 15명', en: '15 specialists' } },
    { ko: '배터리 이력 관리 시범 사업 추진', en: 'Battery passport pilot' },
    { ko: '계통 연계형 ESS 공동 실증', en: 'Joint grid-connected ESS demonstration' },
    { ko: '배터리 분야 공동 워크숍 개최', en: 'Joint battery workshops', target: { ko: '워크숍 4회', en: 'Four workshops' } },
  ],
  QNT: [
    { ko: '양자 표준 측정 비교 실험', en: 'Quantum measurement-standard comparison' },
    { ko: '양자 컴퓨팅 테스트베드 공동 활용', en: 'Shared use of quantum-computing testbeds' },
    { ko: '양자 인력 양성 공동 교육 과정 운영', en: 'Joint quantum training courses', target: { ko: '수료생 30명', en: '30 graduates' } },
    { ko: '양자 암호 통신 시범망 연동', en: 'Linking quantum-key-distribution test networks' },
    { ko: '양자 센서 공동 연구', en: 'Joint quantum-sensor research' },
    { ko: '양자 기술 로드맵 공동 작성', en: 'Joint quantum-technology roadmap' },
    { ko: '양자 소재 시료 교환', en: 'Exchange of quantum-material samples' },
    { ko: '양자 분야 연구 보안 협의', en: 'Consultations on quantum research security' },
    { ko: '양자 스타트업 교류 행사 개최', en: 'Quantum startup exchange event' },
    { ko: '양자 분야 공동 논문 지원', en: 'Support for joint quantum publications', target: { ko: '공동 논문 10편', en: '10 joint papers' } },
  ],
  AI: [
    { ko: 'AI 안전성 평가 방법 공동 개발', en: 'Joint AI safety-evaluation methods' },
    { ko: 'AI 시험 데이터셋 공동 구축', en: 'Joint AI test datasets', target: { ko: '데이터셋 3종', en: 'Three datasets' } },
    { ko: '생성형 AI 표시 기준 비교 연구', en: 'Comparative study of generative-AI labelling' },
    { ko: 'AI 연구자 방문 연구 프로그램 운영', en: 'Visiting AI researcher programme' },
    { ko: '공공 부문 AI 활용 사례 공유', en: 'Sharing public-sector AI use cases' },
    { ko: 'AI 반도체 성능 벤치마크 협력', en: 'Cooperation on AI-chip benchmarks' },
    { ko: 'AI 윤리 교육 자료 공동 개발', en: 'Joint AI-ethics training material' },
    { ko: 'AI 표준화 회의 공동 대응', en: 'Coordinated positions in AI standards meetings' },
    { ko: '의료 AI 검증 시범 사업 추진', en: 'Medical-AI validation pilot' },
    { ko: 'AI 연산 자원 공동 이용 검토', en: 'Review of shared AI compute' },
  ],
  ICT: [
    { ko: '6G 후보 기술 공동 시험', en: 'Joint testing of 6G candidate technologies' },
    { ko: '개방형 무선망 상호 운용성 시험', en: 'Open RAN interoperability testing', target: { ko: '시험 3회', en: 'Three test rounds' } },
    { ko: '해저 케이블 보안 협의', en: 'Consultations on undersea-cable security' },
    { ko: '사이버 보안 인력 교류', en: 'Cybersecurity workforce exchange' },
    { ko: '위성 통신 공동 연구', en: 'Joint satellite-communications research' },
    { ko: '디지털 신원 상호 인정 검토', en: 'Review of mutual recognition of digital identity' },
    { ko: '클라우드 보안 인증 정보 교류', en: 'Exchange on cloud-security certification' },
    { ko: '통신 장비 공급망 점검', en: 'Review of telecom-equipment supply chains' },
    { ko: '디지털 격차 해소 공동 사업 추진', en: 'Joint digital-inclusion projects' },
    { ko: 'ICT 분야 공동 학술대회 개최', en: 'Joint ICT research conference' },
  ],
};
