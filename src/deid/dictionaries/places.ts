/** US states, territories and cities for the location detector; written for Vitalis from general knowledge. */

/** Two-letter USPS codes mapped to state names. */
export const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'Virgin Islands',
};

/** State names that are also common given names or words: need a location cue to count. */
export const AMBIGUOUS_STATES: ReadonlySet<string> = new Set(['georgia', 'virginia', 'washington', 'indiana', 'maine']);

const CITY_LIST = `new york|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|san jose|
austin|jacksonville|fort worth|columbus|charlotte|san francisco|indianapolis|seattle|denver|oklahoma city|nashville|
el paso|boston|portland|las vegas|detroit|memphis|louisville|baltimore|milwaukee|albuquerque|tucson|fresno|
sacramento|kansas city|mesa|atlanta|omaha|colorado springs|raleigh|long beach|virginia beach|miami|oakland|
minneapolis|tulsa|tampa|arlington|new orleans|wichita|cleveland|bakersfield|aurora|anaheim|honolulu|santa ana|
riverside|corpus christi|lexington|henderson|stockton|saint paul|st. paul|st. louis|saint louis|cincinnati|pittsburgh|
greensboro|anchorage|plano|lincoln|orlando|irvine|newark|durham|chula vista|toledo|fort wayne|st. petersburg|
laredo|jersey city|chandler|madison|lubbock|scottsdale|reno|buffalo|gilbert|glendale|north las vegas|winston-salem|
chesapeake|norfolk|fremont|garland|irving|hialeah|richmond|boise|spokane|baton rouge|tacoma|san bernardino|
modesto|fontana|des moines|moreno valley|santa clarita|fayetteville|birmingham|oxnard|rochester|port st. lucie|
grand rapids|huntsville|salt lake city|frisco|yonkers|amarillo|glendale|huntington beach|mckinney|montgomery|
augusta|akron|little rock|tempe|columbus|overland park|grand prairie|tallahassee|cape coral|mobile|knoxville|
shreveport|worcester|ontario|vancouver|sioux falls|chattanooga|brownsville|fort lauderdale|providence|newport news|
rancho cucamonga|santa rosa|peoria|oceanside|elk grove|salem|pembroke pines|eugene|garden grove|cary|fort collins|
corona|springfield|jackson|alexandria|hayward|clarksville|lakewood|lancaster|salinas|palmdale|hollywood|springfield|
sunnyvale|macon|pomona|killeen|escondido|pasadena|naperville|bellevue|joliet|murfreesboro|midland|rockford|paterson|
savannah|bridgeport|torrance|mcallen|syracuse|surprise|denton|roseville|thornton|miramar|mesquite|olathe|dayton|
carrollton|waco|orange|fullerton|charleston|west valley city|visalia|hampton|gainesville|warren|coral springs|
cedar rapids|round rock|sterling heights|kent|columbia|santa clara|new haven|stamford|concord|elizabeth|athens|
thousand oaks|lafayette|simi valley|topeka|norman|fargo|wilmington|abilene|odessa|pearland|victorville|hartford|
vallejo|allentown|berkeley|richardson|arvada|ann arbor|cambridge|sugar land|lansing|evansville|college station|
fairfield|clearwater|beaumont|independence|provo|west jordan|murrieta|palm bay|el monte|carlsbad|charleston|temecula|
costa mesa|miami gardens|westminster|manchester|gresham|billings|burlington|albany|trenton|annapolis|montpelier|
augusta|concord|dover|harrisburg|juneau|olympia|santa fe|cheyenne|bismarck|pierre|helena|frankfort|jefferson city|
baton rouge|tallahassee|bronx|brooklyn|queens|manhattan|staten island|palo alto|menlo park|mountain view|la jolla|
santa monica|beverly hills|long island|white plains|scranton|erie|duluth|green bay|kalamazoo|flint|saginaw|
galveston|tyler|pensacola|daytona beach|boca raton|west palm beach|key west|sarasota|naples|asheville|
greenville|spartanburg|myrtle beach|roanoke|lynchburg|morgantown|youngstown|canton|toledo|muncie|bloomington|
champaign|urbana|evanston|oak park|schaumburg|aurora|decatur|marietta|roswell|sandy springs|bethesda|rockville|
silver spring|towson|hoboken|camden|princeton|new brunswick|ithaca|poughkeepsie|utica|binghamton|schenectady|
waterbury|new london|springfield|lowell|brockton|quincy|lynn|framingham|nashua|portsmouth|bangor|burlington|
great falls|missoula|bozeman|casper|laramie|flagstaff|yuma|las cruces|santa barbara|san luis obispo|monterey|
redding|eureka|medford|bend|yakima|tacoma|everett|bellingham|spokane valley|coeur d'alene|twin falls|
pocatello|ogden|st. george|rapid city|grand forks|dubuque|davenport|iowa city|ames|lawrence|manhattan|joplin|
st. joseph|springdale|rogers|texarkana|hot springs|biloxi|gulfport|hattiesburg|tuscaloosa|dothan|sunnyvale|
glenview|springfield|riverside|fairview|georgetown|greenwood|oak ridge|brentwood|nyc|new york city|washington dc|washington d.c.`;

/** Lowercase US city names (multi-word names included). */
export const US_CITIES: ReadonlySet<string> = new Set(
  CITY_LIST.split('|')
    .map((c) => c.trim())
    .filter((c) => c !== ''),
);

/** City names that are common words, given names or eponyms: they need a location cue to count. */
export const AMBIGUOUS_CITIES: ReadonlySet<string> = new Set(
  `mobile|orange|independence|charlotte|madison|lincoln|aurora|jackson|columbia|warren|mesa|reading|normal|salem|
  henderson|austin|irving|richmond|lafayette|athens|florence|marion|hampton|kent|concord|dover|elizabeth|helena|
  pierre|victoria|tyler|rogers|lawrence|quincy|lynn|bend|eureka|surprise|plano|rochester|manchester|burlington|
  cambridge|bloomington|decatur|georgetown|greenwood|naples|peoria|glendale|garland|richardson|thornton|westminster|
  fairfield|fairview|springfield|riverside|ontario|vancouver|columbus|portland|phoenix|buffalo|troy|camden|canton|
  princeton|carlsbad|corona|frisco|gilbert|norman|provo|joplin|ames|casper|macon|tempe|cary|kent|olathe|hollywood|
  brentwood|augusta|lexington|arlington|birmingham|durham|newport news|albany|wilmington|alexandria|midland`
    .split('|')
    .map((c) => c.trim())
    .filter((c) => c !== ''),
);
