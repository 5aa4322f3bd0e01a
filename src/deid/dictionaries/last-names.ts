/**
 * Family names from many cultures, written for the Vitalis de-identification detector (not copied from any list).
 * Kept apart from the demo generator's names (src/demo/names.ts) and the benchmark generator's names.
 */
const FAMILY = {
  english: `adams allen anderson atkinson bailey baker barker barnes bennett bishop brooks brown bryant burke burns
    butler campbell carter chapman clark clarke coleman collins cook cooper cox crawford cunningham davies davis dixon
    edwards elliott evans ferguson fisher fletcher ford foster fox gibson gordon graham grant gray griffin hall
    hamilton harper harris harrison hart hayes henderson hill holmes howard hughes hunt jackson james jenkins johnson
    johnston jones kelly kennedy king knight lawrence lee lewis lloyd marshall martin mason matthews miller mills
    mitchell moore morgan morris murphy murray myers nelson owen palmer parker patterson payne perry peters phillips
    porter powell price reed reynolds richards richardson roberts robertson robinson rogers ross russell ryan sanders
    scott shaw simmons simpson smith spencer stevens stewart sullivan taylor thomas thompson turner walker wallace
    ward warren watson webb wells west wheeler white williams wilson wood woods wright young green black
    stone long page bell rose lane banks dean love fields hunter cook frank`,
  hispanic: `acosta aguilar alvarez avila benitez cabrera calderon campos cardenas castro chavez contreras cortez cruz
    diaz dominguez espinoza estrada fernandez figueroa flores fuentes garza gomez gonzales gonzalez guerrero gutierrez
    guzman herrera ibarra jimenez juarez lopez lozano maldonado martinez medina mejia mendez mendoza molina munoz
    nunez orozco ortiz pacheco padilla perez ramirez ramos reyes rios rivera rodriguez rojas romero rosales ruiz salazar
    salinas sanchez sandoval santiago santos serrano silva soto suarez torres trujillo valdez valencia vasquez vazquez
    vega velasquez zamora`,
  african: `abara achebe adeyemi afolabi agyeman asante banda boateng chukwu diallo diop eze kamara kariuki keita
    kiplagat koroma mbeki moyo mutua mwangi ndlovu nkosi nwosu obi odhiambo ogunleye okeke okonkwo okoro onyango osei
    owusu sesay tembo traore toure wanjiku`,
  arabic: `abbas abdallah ahmadi al-amin al-hashimi al-sayed aziz bakr darwish el-amin farouk ghanem haddad hakim
    hamdan hamid hussein ibrahim jaber kassem khalil khoury mansour masri nasser qureshi rahman saleh salem shaheen
    yousef`,
  southasian: `agarwal ahmed banerjee bhatt chatterjee chaudhary das desai ghosh gupta iyer jain joshi kapoor khan
    krishnan kumar malhotra mehta menon mishra nair pandey patel pillai rao reddy saxena shah sharma singh sinha
    srinivasan trivedi verma`,
  eastasian: `cao chang chen cheng choi chung fujita guo han hayashi hu huang inoue ito jang kang kato kim kimura
    kobayashi lam liang lim lin liu luo ma matsumoto nakamura ng park saito sasaki shimizu song sun suzuki takahashi
    tanaka tang wang watanabe wong wu xu yamada yamamoto yang yoon zhang zhao zhou zhu`,
  southeastasian: `bui dang do dinh duong ho hoang huynh le ly ngo nguyen pham phan tran trinh truong vo vu`,
  european: `andersen bauer becker berg bianchi colombo costa dubois eriksson esposito ferrari fischer fontaine
    hansen hoffmann horvath ivanov jansen johansson kaminski koch kowalski kozlov kraus lambert larsen laurent lehmann
    lindqvist moreau muller nielsen novak nowak olsen pavlov petrov richter ricci romano rossi russo schmidt
    schneider schulz sokolov svensson vogel wagner weber wojcik zielinski`,
  irish: `byrne doherty doyle fitzgerald gallagher kavanagh keane mccarthy mcdonald mcguire mclaughlin obrien
    oconnor odonnell oneill oreilly quinn regan sweeney walsh`,
  dutchNordic: `bakker jansen janssen visser smit meijer mulder bos vos dekker vermeulen hendriks lindberg
    lindgren nystrom holm dahl berglund sandberg solberg`,
  slavic: `dvorak horak novotny prochazka kucera popescu ionescu popa stoica horvat kovac babic petrovic jovanovic
    nikolic markovic shevchenko bondarenko kovalenko melnyk`,
  turkishPersian: `kaya demir sahin celik yildiz ozturk aydin arslan dogan hosseini mohammadi rezaei karimi moradi
    jafari rostami`,
  frenchItalian: `lefevre leroy girard bonnet mercier blanc garnier chevalier faure rousseau gallo conti marino
    greco bruno galli mancini moretti barbieri fontana`,
  hebrew: `abramov cohen friedman goldberg katz klein levin levy mizrahi rosen rosenberg schwartz shapiro weiss`,
};

/** Lowercase family names. */
export const LAST_NAMES: ReadonlySet<string> = new Set(
  Object.values(FAMILY).flatMap((block) => block.split(/\s+/).filter((w) => w !== '')),
);
