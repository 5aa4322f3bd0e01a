// Bibliographic references cited by our knowledge entries.

export const REF = {
  oncHigh:
    'Phansalkar S, Desai AA, Bell D, et al. High-priority drug-drug interactions for use in electronic health records. J Am Med Inform Assoc 2012;19(5):735-743. doi:10.1136/amiajnl-2011-000612',
  oncNonInterruptive:
    'Phansalkar S, van der Sijs H, Tucker AD, et al. Drug-drug interactions that should be non-interruptive in order to reduce alert fatigue in electronic health records. J Am Med Inform Assoc 2013;20(3):489-493. doi:10.1136/amiajnl-2012-001089',
  pddiCds:
    'HL7 FHIR Implementation Guide: Potential Drug-Drug Interaction (PDDI) CDS, STU1 (HL7 CDS Work Group), warfarin + NSAIDs and digoxin + cyclosporine exemplar rules; Malone DC, Horn JR, Hansten PD et al. individualized decision tables',
  fdaDdi:
    'U.S. FDA. Drug Development and Drug Interactions: Table of Substrates, Inhibitors and Inducers (https://www.fda.gov/drugs/drug-interactions-labeling)',
  fdaOpioidBenzo:
    'U.S. FDA Drug Safety Communication (31 Aug 2016): boxed warning on concomitant use of opioid analgesics and benzodiazepines',
  fdaGabapentinoid:
    'U.S. FDA Drug Safety Communication (19 Dec 2019): serious breathing difficulties with gabapentin and pregabalin with CNS depressants',
  fdaSimvastatin:
    'U.S. FDA Drug Safety Communication (8 Jun 2011, updated 2012): new restrictions, contraindications and dose limitations for Zocor (simvastatin)',
  fdaClopidogrel:
    'U.S. FDA Drug Safety Communication (17 Nov 2009, updated 2010): reduced effectiveness of Plavix (clopidogrel) with omeprazole',
  fdaMetformin:
    'U.S. FDA Drug Safety Communication (8 Apr 2016): revised warnings for metformin use in patients with reduced kidney function',
  fdaSildenafil: 'Sildenafil and tadalafil US prescribing information: contraindicated with organic nitrates',
  entrestoLabel:
    'Sacubitril/valsartan (Entresto) US prescribing information: contraindicated with ACE inhibitors (36-hour washout)',
  warfarinLabel: 'Warfarin sodium (Coumadin) US prescribing information, section 7 Drug Interactions',
  digoxinLabel:
    'Digoxin (Lanoxin) US prescribing information, section 7 Drug Interactions (amiodarone, P-gp inhibitors)',
  lithiumLabel:
    'Lithium carbonate US prescribing information, section 7 Drug Interactions (ACE inhibitors, ARBs, diuretics, NSAIDs)',
  methotrexateLabel:
    'Methotrexate US prescribing information: trimethoprim-sulfamethoxazole and NSAIDs increase toxicity',
  allopurinolLabel:
    'Allopurinol (Zyloprim) US prescribing information: reduce azathioprine/mercaptopurine to one third to one quarter',
  colchicineLabel:
    'Colchicine (Colcrys) US prescribing information: dose adjustment with strong CYP3A4 or P-gp inhibitors',
  doacLabels:
    'Apixaban (Eliquis), rivaroxaban (Xarelto), dabigatran (Pradaxa), edoxaban (Savaysa) US prescribing information: renal dosing and combined P-gp/CYP3A4 interactions',
  hyperkalemia:
    'Raebel MA. Hyperkalemia associated with use of angiotensin-converting enzyme inhibitors and angiotensin receptor blockers. Cardiovasc Ther 2012;30(3):e156-166; Juurlink DN et al. N Engl J Med 2004;351:543-551',
  tmpSmxHyperK:
    'Antoniou T, Gomes T, Juurlink DN, et al. Trimethoprim-sulfamethoxazole-induced hyperkalaemia in patients receiving inhibitors of the renin-angiotensin system. Arch Intern Med 2010;170(12):1045-1049',
  serotonin: 'Boyer EW, Shannon M. The serotonin syndrome. N Engl J Med 2005;352:1112-1120',
  linezolidLabel: 'Linezolid (Zyvox) US prescribing information: serotonin syndrome with serotonergic drugs',
  qt: 'Drug labels of the listed drugs (FDA), warnings on QT prolongation and torsades de pointes; Drew BJ et al. Prevention of torsade de pointes in hospital settings. AHA/ACCF scientific statement. Circulation 2010;121:1047-1060',
  antiplateletBleeding:
    'Hansen ML, Sorensen R, Clausen MT, et al. Risk of bleeding with single, dual, or triple therapy with warfarin, aspirin, and clopidogrel in patients with atrial fibrillation. Arch Intern Med 2010;170(16):1433-1441',
  ssriBleeding:
    'Anglin R, Yuan Y, Moayyedi P, et al. Risk of upper gastrointestinal bleeding with SSRIs with or without concurrent NSAID use: a systematic review and meta-analysis. Am J Gastroenterol 2014;109(6):811-819',
  amiodaroneWarfarin:
    'Amiodarone (Cordarone) US prescribing information, section 7 Drug Interactions (warfarin, digoxin, simvastatin)',
  tendon:
    'U.S. FDA Drug Safety Communication (2008, updated 2016): fluoroquinolone tendinitis and tendon rupture risk, higher with corticosteroids',
  rateControl:
    'Verapamil and diltiazem US prescribing information: additive negative chronotropic and AV-nodal effects with beta-blockers',
  cyclosporineStatin: 'Cyclosporine (Neoral) and statin US prescribing information: myopathy risk',
  stoppv3:
    "O'Mahony D, Cherubini A, Guiteras AR, et al. STOPP/START criteria for potentially inappropriate prescribing in older people: version 3. Eur Geriatr Med 2023;14:625-632 (open access)",
  eu7pim:
    'Renom-Guiteras A, Meyer G, Thurmann PA. The EU(7)-PIM list: a list of potentially inappropriate medications for older people consented by experts from seven European countries. Eur J Clin Pharmacol 2015;71(7):861-875',
  priscus2:
    'Mann NK, Mathes T, Sonnichsen A, et al. Potentially inadequate medications in the elderly: PRISCUS 2.0. Dtsch Arztebl Int 2023;120:3-10',
  kdigoDiabetes:
    'KDIGO 2022 Clinical Practice Guideline for Diabetes Management in Chronic Kidney Disease. Kidney Int 2022;102(5S):S1-S127',
  renalLabels: 'US prescribing information of the named drug, section 2 Dosage and Administration (renal impairment)',
  allergyPenicillin:
    'Khan DA, Banerji A, Blumenthal KG, et al. Drug allergy: a 2022 practice parameter update. J Allergy Clin Immunol 2022;150(6):1333-1393',
  sulfonamideAllergy:
    'Strom BL, Schinnar R, Apter AJ, et al. Absence of cross-reactivity between sulfonamide antibiotics and sulfonamide nonantibiotics. N Engl J Med 2003;349:1628-1635',
  nsaidHypersensitivity:
    'Kowalski ML, Asero R, Bavbek S, et al. Classification and practical approach to the diagnosis and management of hypersensitivity to nonsteroidal anti-inflammatory drugs. Allergy 2013;68(10):1219-1232',
  duplicate:
    'Institute for Safe Medication Practices (ISMP). Therapeutic duplication alerts in computerized prescriber order entry; our own class list',
} as const;
