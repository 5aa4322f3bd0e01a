/**
 * What must survive de-identification: eponyms, drug and disease names and clinical words that look like names.
 * Written for Vitalis from general medical knowledge.
 */

const EPONYMS = `addison adie alzheimer apgar argyll asperger auer babinski baker barlow barrett bartholin bartter
  behcet bell bence beck berger bernard billroth biot blumberg boerhaave bouchard bowen braden broca brodmann brudzinski
  brugada budd buerger burkitt chaddock chagas charcot cheyne chiari child chvostek churg coats cockcroft colles conn
  coombs cori corrigan councilman courvoisier creutzfeldt crohn cullen curling cushing dandy darier dieulafoy doppler
  down dressler dubin dupuytren durie duroziez edwards ehlers epley epstein erb ewing fabry fallot fanconi felty finkelstein
  fitz foley forrest framingham friedewald friedreich gaucher gault gilbert glasgow gleason goodpasture gottron gram
  graves guillain barre barré hallpike hamman hartmann hashimoto heberden heimlich henoch hirschsprung hodgkin holter
  homan horner howell hunter huntington hurler jakob janeway jarisch jolly kaposi karnofsky kawasaki kayser kehr kerley
  kernig kimmelstiel klebsiella klinefelter koebner korotkoff korsakoff krukenberg kussmaul lachman lambert langerhans
  legionnaires lesch levine lewy leydig lhermitte libman liddle lisfranc loeys lown lyme mallampati mallory marfan
  mcburney mcmurray meckel meigs meniere menkes merkel meyer mobitz monteggia morison murphy nikolsky nissen noonan
  osgood osler paget pancoast papanicolaou parkinson patau pavlik perthes peutz peyronie phalen pick plummer pott
  prinzmetal pugh purkinje queckenstedt quincke ranson raynaud reed reiter reye richter riedel rinne romberg rotor roux
  rovsing sacks salter schatzker schilling schlatter schonlein sezary sgarbossa sheehan shy sjogren sjögren snellen
  somogyi starling stein sternberg stevens still stokes sturge swan ganz takayasu takotsubo tanner tay thomsen tietze
  tinel todd tourette traube treacher trendelenburg trousseau turner valsalva virchow von willebrand waldenstrom
  wallenberg wegener weber wellens wells wenckebach wernicke whipple willebrand williams wilms wilson wolff yergason
  zenker zollinger ellison centor caprini glasgow killip duke geneva padua wells apgar ballard gleason breslow clark
  bishop mayo rockall blatchford maddrey lille milan cormack lehane goldman cha2ds2 hasbled bazett fridericia schwartz
  ziehl neelsen giemsa westergren kleihauer betke seldinger hickman broviac tenckhoff groshong jackson pratt penrose
  swan ganz minnesota sengstaken blakemore`;

/** Lowercase eponyms (tokens) that stay unless a title or the patient's own name makes them a person. */
export const EPONYMS_SET: ReadonlySet<string> = new Set(EPONYMS.split(/\s+/).filter((w) => w !== ''));

/** Head nouns that make the capitalized word before them an eponym even when it is not in our eponym list. */
export const STRONG_EPONYM_HEADS: ReadonlySet<string> = new Set(
  `disease diseases syndrome syndromes sign signs reflex reflexes palsy catheter catheters score scores scale scales
  criteria classification test tests maneuver manoeuvre fracture fractures ulcer lymphoma sarcoma tumor tumour
  phenomenon triad hernia disorder anomaly malformation stain staining murmur encephalopathy thyroiditis aneurysm
  fundoplication procedure operation contracture deformity diet study trial cohort regimen coma equation formula
  leukemia rule rules`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Nouns that follow an eponym ("Bell's palsy", "Foley catheter", "Chaddock reflex"); the token before survives. */
export const EPONYM_HEADS: ReadonlySet<string> = new Set(
  `disease diseases syndrome syndromes sign signs reflex reflexes palsy catheter catheters score scores scale scales
  criteria classification classifications test tests maneuver manoeuvre procedure procedures operation fracture
  fractures ulcer ulcers lymphoma sarcoma tumor tumour tumors phenomenon law triad node nodes method equation formula
  rule rules index stage staging type effect body bodies cell cells hernia disorder anomaly malformation tube tubes
  stain staining murmur lesion lesions nodule nodules spots spot sphincter duct ducts gland glands area loop ring
  encephalopathy thyroiditis ileitis esophagus esophagitis arteritis angina aneurysm repair fundoplication shunt
  position pouch diverticulum contracture deformity lines line classification grade grading point points dilator
  needle bag drain drains monitor monitoring protocol technique approach incision sarcoma leukemia disease's
  sequence valve coma regimen series diet study trial cohort`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

const DRUGS = `acetaminophen adalimumab albuterol alendronate allopurinol alprazolam amiodarone amitriptyline amlodipine
  amoxicillin ampicillin anastrozole apixaban aripiprazole aspirin atenolol atorvastatin azathioprine azithromycin
  baclofen benazepril bisoprolol budesonide bumetanide buprenorphine bupropion buspirone canagliflozin candesartan
  captopril carbamazepine carbidopa carvedilol cefazolin cefepime ceftriaxone cephalexin cetirizine chlorthalidone
  ciprofloxacin citalopram clarithromycin clindamycin clonazepam clonidine clopidogrel colchicine cyclobenzaprine
  dabigatran dapagliflozin denosumab dexamethasone diazepam diclofenac digoxin diltiazem diphenhydramine donepezil
  doxazosin doxycycline duloxetine dulaglutide edoxaban empagliflozin enalapril enoxaparin entresto escitalopram
  esomeprazole estradiol ezetimibe famotidine fenofibrate fentanyl finasteride fluconazole fluoxetine fluticasone
  furosemide gabapentin gentamicin glimepiride glipizide glyburide haloperidol heparin hydralazine hydrochlorothiazide
  hydrocodone hydroxychloroquine ibuprofen insulin ipratropium irbesartan isoniazid isosorbide ivermectin ketorolac
  labetalol lamotrigine lansoprazole letrozole levetiracetam levofloxacin levothyroxine linezolid liraglutide
  lisinopril lithium loratadine lorazepam losartan lovastatin meloxicam memantine metformin methadone methotrexate
  methylprednisolone metoclopramide metoprolol metronidazole midazolam mirtazapine montelukast morphine mupirocin
  naloxone naproxen nifedipine nitrofurantoin nitroglycerin norepinephrine nystatin olanzapine omeprazole ondansetron
  oseltamivir oxcarbazepine oxycodone pantoprazole paroxetine penicillin phenytoin pioglitazone piperacillin
  potassium pravastatin prednisolone prednisone pregabalin propranolol quetiapine ramipril ranitidine rifampin
  risperidone rivaroxaban rosuvastatin sacubitril semaglutide sertraline simvastatin sitagliptin spironolactone
  sucralfate sulfamethoxazole tacrolimus tamoxifen tamsulosin terazosin tiotropium topiramate torsemide tramadol
  trazodone triamcinolone trimethoprim valacyclovir valproate valsartan vancomycin venlafaxine verapamil warfarin
  zolpidem lasix coumadin eliquis xarelto pradaxa lipitor crestor zocor plavix norvasc zestril synthroid glucophage
  januvia jardiance farxiga ozempic wegovy trulicity victoza humira keytruda lantus humalog novolog tylenol advil motrin
  aleve zoloft prozac lexapro celexa wellbutrin xanax ativan klonopin ambien seroquel abilify risperdal lyrica neurontin
  flomax proscar nexium prilosec protonix zantac pepcid augmentin keflex cipro levaquin bactrim zithromax diflucan
  valtrex tamiflu ventolin proair symbicort advair spiriva singulair flonase zyrtec claritin benadryl narcan suboxone
  percocet vicodin oxycontin dilaudid toradol zofran reglan lovenox entresto digitek lanoxin cardizem toprol lopressor
  coreg aldactone imdur nitrostat`;

/** Lowercase drug names (generic and US brand). */
export const DRUG_NAMES: ReadonlySet<string> = new Set(DRUGS.split(/\s+/).filter((w) => w !== ''));

/**
 * Capitalized words common in clinical text that are never names or places on their own, including name-like
 * English words ("Will", "Grace", "Hope") which then need stronger evidence.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `a an and or the of in on at to for with by from as is was be been are were has have had do does did not no yes
  he she his her him they them their we our us you your i me my it its this that these those there here who whom
  whose which what when where why how all any some each every both either neither more most less least very also
  patient patients pt pts male female man woman boy girl mr mrs ms dr doctor nurse history exam plan assessment
  impression diagnosis diagnoses medications medication allergies allergy labs lab vitals vital signs review
  systems follow up followup discharge admission admitted discharged date dob mrn name phone tel fax email address
  city state zip age sex gender race ethnicity hospital clinic center unit room bed floor ward icu er ed or pacu
  will may june april august march grace hope faith joy rose mark frank rich art guy bell brown green white black
  young king hall wood stone long short page chance case bill sterling major minor rod penny ray dawn summer winter
  autumn sky river lake ocean hill field park street avenue road drive lane way court place north south east west
  new old good well better best great general memorial regional community county city valley heights springs falls
  mercy hope trinity unity grace charity saint st holy sacred heart united american national international
  university college institute health medical care family primary emergency urgent internal medicine surgery
  cardiology neurology oncology pediatrics psychiatry radiology pathology dermatology orthopedics urology nephrology
  guidelines guideline management treatment therapy protocol protocols recommendations recommendation options
  prognosis outcomes outcome evaluation evidence efficacy safety risk risks factors factor rate rates dose doses
  dosing side effects effect common latest current recent updated best first second third last next previous prior
  type stage grade class level score scale index test tests criteria differential clinical chronic acute severe mild
  moderate positive negative normal abnormal elevated low high increased decreased stable unstable recurrent
  pain fever cough nausea vomiting diarrhea headache fatigue weakness dizziness chest abdominal back shortness breath
  blood pressure heart rate temperature weight height bmi oxygen saturation glucose insulin sodium potassium
  creatinine hemoglobin platelets white count inr ptt ast alt tsh hba1c ldl hdl ecg ekg ct mri xray x-ray echo cxr
  cbc bmp cmp ua abg vbg cpr dnr dni copd chf cad ckd esrd htn dm t2dm afib mi cva tia dvt pe uti gerd ibd ibs ra sle
  hiv hcv hbv covid sars mrsa vre ards aki sepsis nstemi stemi acs bph ptsd adhd ocd gad mdd bpd ms als
  african asian hispanic latino latina caucasian european black white native pacific islander jewish muslim christian
  catholic english spanish french german chinese japanese korean vietnamese indian arabic russian portuguese
  monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday morning evening night
  january february july september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  please thanks thank regards sincerely note notes report reports result results signed electronically attending
  resident fellow intern student pcp np pa rn md do phd mph dds pharmd lpn cna emt paramedic attending consultant
  what which how should could would can must shall might need needs needed given give gives
  home work school church daughter son wife husband mother father sister brother spouse partner friend neighbor
  caregiver guardian aunt uncle niece nephew cousin grandmother grandfather grandson granddaughter
  is are but if then than so because after before during while until since about over under between through
  per via vs versus status post s/p w/ w/o h/o c/o r/o f/u yo y/o yrs year years old month months week weeks day days
  hour hours minute minutes time times once twice daily weekly monthly yearly annual annually
  left right bilateral upper lower anterior posterior medial lateral proximal distal
  type diabetes hypertension cancer carcinoma failure disease syndrome infection pneumonia asthma stroke
  regarding referencing referring referred regard concerning about seen visited visit visits treated managed
  evaluated presented presenting presents admitted transferred diagnosed operated underwent started stopped
  continue continued`
    .split(/\s+/)
    .filter((w) => w !== ''),
);
