/**
 * Given names from many cultures, written for the Vitalis de-identification detector (not copied from any list).
 * Kept apart from the demo generator's names (src/demo/names.ts) and the benchmark generator's names.
 */
const GIVEN = {
  english: `aaron abigail adam adrian alan albert alex alexander alexandra alice alison allison amanda amber amy andrea
    andrew angela anita ann anna anne annie anthony april arthur ashley audrey austin barbara barry becky ben benjamin
    beth betty beverly bill billy bob bobby bonnie brad bradley brandon brenda brent brian bridget brittany brooke bruce
    bryan caitlin calvin cameron carl carla carol caroline carolyn catherine cathy chad charles charlie cheryl chloe
    chris christian christina christine christopher cindy claire clara clarence claudia clifford colin connie craig
    crystal curtis cynthia dale dana danielle darlene darren dave david dawn dean deborah debra denise dennis derek diana
    diane dolores don donald donna doris dorothy doug douglas dylan earl edith edna edwin eileen elaine elizabeth ellen
    emily emma eric erica erin ernest ethan eugene evan evelyn frances francis fred frederick gail gary gavin gene
    geoffrey gerald geraldine gladys glen glenn gloria gordon greg gregory gwen harold harry harvey hazel heather helen
    herbert howard ian irene isaac jack jackie jacob jacqueline jake james jamie jane janet janice jared jason jean
    jeff jeffrey jennifer jenny jeremy jerry jesse jessica jill jim jimmy joan joann joanne joe joel john johnny jon
    jonathan joseph josh joshua joyce judith judy julia julie justin karen kate katherine kathleen kathryn kathy katie
    keith kelly ken kenneth kevin kim kimberly kirk kyle larry laura lauren lawrence leah leonard leslie lillian linda
    lindsay lisa lloyd logan lois lori louis louise lucas luke lynn madison marcus margaret marie marilyn marion marjorie
    mark marsha martha martin marvin mary matt matthew maureen megan melanie melissa michael michelle mike mildred
    mitchell molly monica nancy natalie nathan neil nicholas nicole noah norma norman olivia pamela patricia patrick
    paul paula peggy penny peter philip phillip phyllis rachel ralph randall randy raymond rebecca regina renee rhonda
    richard rick rita robert roberta robin rodney roger ron ronald rose roy russell ruth ryan sally samantha sandra
    sara sarah scott sean shannon sharon shawn sheila shirley sophia stacy stanley stephanie stephen steve steven sue
    susan suzanne sylvia tammy tanya teresa terry theresa tiffany tim timothy tina todd tom tommy tony tracy travis
    troy tyler valerie vanessa vernon veronica vicki victor victoria vincent virginia walter wanda wayne wendy wesley
    willie yvonne zachary`,
  hispanic: `adriana agustin alberto alejandra alfonso alfredo alicia alma alonso alvaro amparo ana angel antonio
    araceli armando arturo beatriz benito blanca camila catalina cesar claudio concepcion consuelo cristina dolores
    eduardo elena elisa emilia enrique esperanza esteban eugenia fernanda fernando francisco gerardo gilberto graciela
    guadalupe guillermo gustavo hector hugo ignacio ines irma jaime jesus jimena joaquin jorge josefina juan juana julio
    leticia lorena lourdes luz manuel manuela marco marcos margarita maria mariana mario marta martin mercedes miguel
    milagros nicolas norma octavio pablo paloma patricio pedro pilar ramiro ramon raul rebeca reyes ricardo roberto
    rocio rodrigo rogelio rosario ruben salvador santiago sergio silvia socorro teresa ulises valeria veronica vicente
    ximena yolanda`,
  african: `abebe abena aboubacar adaeze adebayo adwoa afia akua amara amina aminata asha ayodele baraka chiamaka
    chidi chidinma chijioke chinedu chioma chukwuemeka dawit emeka fatou folake funmilayo habiba ifeoma ikenna jelani
    kamau kofi kwabena kwame kwesi lindiwe makena mandla mariama moussa mulugeta ngozi njeri nkechi nnamdi obinna
    oluwaseun olumide omari oumar sekou sipho tendai thandiwe themba tunde uchenna wanjiru yaw yetunde zanele zodwa`,
  arabic: `abdullah abdul ahmad ahmed aisha ali amal amir amira bilal dalia farah faris fatima fatma hadi hamza hana
    hassan hind hussein ibrahim imran jamal jamila karim khadija khalid laila layla mahmoud malak mariam mohamed
    mohammad mohammed mona mostafa mustafa nabil nadia nasser noor nour omar rania rashid reem salim salma sami samir
    sara tariq walid yasmin yousef youssef zainab zaid zayd`,
  southasian: `aarav abhishek aditi aditya ajay akash amit amrita anand anil anjali ankit anup arjun aruna asha ashok
    deepak deepika devi divya ganesh gaurav geeta gita harish hema indira jaya kavita kiran krishna kumar lakshmi madhu
    mahesh manish meena mohan nandini naveen neha nikhil nisha pooja pradeep prakash priya rahul raj rajesh rakesh ramesh
    ravi rekha rohit sachin sanjay sandeep sanjana sapna shanti shreya sunil sunita suresh swati tanvi uma usha vijay
    vikram vinod vishal`,
  eastasian: `akira aiko chen daiki emi feng fumiko guang haruki haruto hiroshi hiroko hana hyun jia jian jie jin
    jing jiwoo joon kaito kazuo keiko kenji kyoko lei li lian lin ling mai mei meiling min minh minjun naoko ning qiang
    ren ryo sakura satoshi seo shin shu soo sora takashi taro tomoko wei xia xiao xin xiu yan yang yi ying yoko yong
    yuki yumi yun yuna yuto zhen zhi`,
  southeastasian: `anh bao binh cuong dung duc hai hanh hoa hung huong khanh lan linh long mai nam ngoc nguyet phuong
    quang tam thanh thao thi thu trang tuan van vinh`,
  european: `agnieszka aleksandr alessandro andrzej anders anja anton astrid bjorn bogdan carlos dmitri elena elif
    emre enzo erik eva fabio franz freya friedrich giovanni giulia giuseppe gunnar hans helga igor ingrid isabella ivan
    jakob jan jens johan jurgen karl katarzyna klaus lars lena lorenzo luca lukas magnus marek marta mateusz matteo
    natalia nikolai olga oskar pavel petra piotr pierre rainer sergei sofia stefan svetlana tomasz ulrich vladimir
    wojciech yuri zofia`,
  irish: `aoife brendan bridget ciara colm conor declan deirdre dermot eamon eileen fergal fiona grainne kieran liam
    maeve niamh padraig roisin seamus siobhan sinead`,
  dutchNordic: `anouk bram daan femke floor jeroen joris lotte maarten niels pieter ruben sander sanne sem thijs
    wouter annika bo elin emil frida hugo jonas linnea maja mikael nils sigrid tove ulla`,
  slavic: `aleksandra andrei anastasia bohdan daria dominika filip irina jana jiri kamil katya ludmila milan
    milena miroslav nadia natasha oksana ondrej pavla radek roman sasha stanislav tatiana vaclav vera viktor yulia
    zuzana zoran goran dragan jelena marija ivana nikola petar`,
  italianIberian: `alessandra alessia andrea antonella beatrice elisa federica francesca gianluca giorgio
    luigi marcello massimo paola riccardo serena simona stefano valentina vittoria joao goncalo tiago
    rui leonor afonso`,
  french: `amelie antoine aurelien benoit camille celine chloe claude corinne didier emilie etienne fabrice francois
    guillaume helene julien laurent lucie manon mathieu nathalie olivier pascal philippe remi sebastien sylvie thierry
    yannick`,
  turkishPersian: `ahmet ayse burak can cem deniz emine hakan huseyin kemal mehmet murat ozlem selin serkan zeynep
    arash babak dariush farhad farzaneh leila mahnaz maryam mehdi nasrin parisa reza shirin`,
  indianMore: `aishwarya arnav ayesha bhavna chetan dhruv gautam ishaan kartik karthik kavya lakshman meera nikita
    pallavi parth pranav radha rohan saanvi sameer shalini siddharth tarun vivek yash`,
  chineseKoreanMore: `bo chun fang hong hui jun lihua ming qing rui shan tao xiaoming xue yu yuan zhihao dong hee
    jisoo minji seojun seoyeon sungmin taeyang`,
  filipinoPacific: `arnel cristeta divina edgardo imelda jocelyn marites nenita rodel teodoro keanu leilani
    malia noelani`,
  hebrew: `avi avraham chaim dov eitan esther ilana levi miriam moshe rivka shira shlomo tova yael yitzhak yosef`,
};

/** Lowercase given names. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  Object.values(GIVEN).flatMap((block) => block.split(/\s+/).filter((w) => w !== '')),
);
