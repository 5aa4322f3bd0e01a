/** Name lists for synthetic patients and clinicians, grouped by cultural origin. Written for Vitalis. */
export interface NamePool {
  readonly origin: string;
  readonly male: readonly string[];
  readonly female: readonly string[];
  readonly family: readonly string[];
}

/** Given and family names from ten cultural origins. */
export const NAME_POOLS: readonly NamePool[] = [
  {
    origin: 'anglo',
    male: ['James', 'Thomas', 'William', 'Henry', 'George', 'Robert', 'Edward', 'Samuel', 'Daniel', 'Oliver'],
    female: ['Margaret', 'Eleanor', 'Grace', 'Alice', 'Charlotte', 'Ruth', 'Emily', 'Hannah', 'Lucy', 'Abigail'],
    family: [
      'Whitfield',
      'Ashworth',
      'Pemberton',
      'Holloway',
      'Caldwell',
      'Bramley',
      'Fairchild',
      'Thornton',
      'Hargrove',
      'Winslow',
    ],
  },
  {
    origin: 'hispanic',
    male: ['Alejandro', 'Mateo', 'Javier', 'Luis', 'Carlos', 'Diego', 'Rafael', 'Andrés', 'Emilio', 'Tomás'],
    female: ['María', 'Lucía', 'Carmen', 'Isabel', 'Sofía', 'Elena', 'Valentina', 'Rosa', 'Gabriela', 'Marisol'],
    family: [
      'García',
      'Hernández',
      'Morales',
      'Castillo',
      'Vargas',
      'Ortega',
      'Navarro',
      'Delgado',
      'Fuentes',
      'Ibarra',
    ],
  },
  {
    origin: 'west-african',
    male: ['Kwame', 'Chidi', 'Oluwaseun', 'Kofi', 'Emeka', 'Babajide', 'Yaw', 'Tunde', 'Ikenna', 'Sekou'],
    female: ['Ngozi', 'Adaeze', 'Abena', 'Folake', 'Amara', 'Chiamaka', 'Efua', 'Yetunde', 'Nkechi', 'Aminata'],
    family: ['Okafor', 'Adeyemi', 'Mensah', 'Boateng', 'Nwosu', 'Owusu', 'Balogun', 'Eze', 'Diallo', 'Asante'],
  },
  {
    origin: 'chinese',
    male: ['Wei', 'Jian', 'Hao', 'Ming', 'Jun', 'Lei', 'Bo', 'Zhiwei', 'Yong', 'Chen'],
    female: ['Mei', 'Xiu', 'Lian', 'Yan', 'Hui', 'Jing', 'Fang', 'Ling', 'Xiaoyu', 'Qing'],
    family: ['Zhang', 'Liu', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun', 'Ma', 'Zhu', 'Guo'],
  },
  {
    origin: 'south-asian',
    male: ['Arjun', 'Rohan', 'Vikram', 'Sanjay', 'Imran', 'Rahul', 'Anil', 'Farhan', 'Devendra', 'Karthik'],
    female: ['Priya', 'Ananya', 'Lakshmi', 'Sunita', 'Ayesha', 'Deepa', 'Kavya', 'Nandini', 'Farah', 'Meera'],
    family: ['Patel', 'Sharma', 'Iyer', 'Reddy', 'Chaudhry', 'Nair', 'Banerjee', 'Qureshi', 'Menon', 'Desai'],
  },
  {
    origin: 'arabic',
    male: ['Omar', 'Khalid', 'Yusuf', 'Tariq', 'Hassan', 'Karim', 'Sami', 'Nabil', 'Ziad', 'Faisal'],
    female: ['Layla', 'Fatima', 'Noor', 'Yasmin', 'Huda', 'Rania', 'Samira', 'Leila', 'Dalia', 'Mariam'],
    family: ['Haddad', 'Mansour', 'Khoury', 'Nasser', 'Saleh', 'Hamdan', 'Aziz', 'Farouk', 'Rahman', 'Bakr'],
  },
  {
    origin: 'slavic',
    male: ['Dmitri', 'Pavel', 'Tomasz', 'Andrei', 'Milan', 'Bogdan', 'Nikolai', 'Marek', 'Oleg', 'Luka'],
    female: ['Anastasia', 'Katarzyna', 'Irina', 'Milena', 'Olga', 'Zofia', 'Natalia', 'Vesna', 'Daria', 'Agnieszka'],
    family: ['Kowalski', 'Novak', 'Petrov', 'Horvat', 'Volkov', 'Dvořák', 'Lewandowski', 'Ivanova', 'Kovač', 'Sokolov'],
  },
  {
    origin: 'vietnamese-korean-japanese',
    male: ['Minh', 'Duc', 'Jae-won', 'Min-jun', 'Hiroshi', 'Kenji', 'Takeshi', 'Quang', 'Seung-ho', 'Haruto'],
    female: ['Linh', 'Thu', 'Ji-woo', 'Seo-yeon', 'Yuki', 'Aiko', 'Hana', 'Mai', 'Eun-ji', 'Sakura'],
    family: ['Nguyen', 'Tran', 'Pham', 'Kim', 'Park', 'Choi', 'Tanaka', 'Sato', 'Yamamoto', 'Le'],
  },
  {
    origin: 'european',
    male: ['Lukas', 'Matteo', 'Pierre', 'Henrik', 'Joost', 'Giovanni', 'Stefan', 'Aurelien', 'Sven', 'Niels'],
    female: ['Chiara', 'Ingrid', 'Amélie', 'Greta', 'Sanne', 'Francesca', 'Margot', 'Liesl', 'Astrid', 'Camille'],
    family: [
      'Schneider',
      'Rossi',
      'Dubois',
      'Lindqvist',
      'de Vries',
      'Bianchi',
      'Fischer',
      'Lefèvre',
      'Johansson',
      'Van Dijk',
    ],
  },
  {
    origin: 'irish-scottish',
    male: ['Seamus', 'Declan', 'Ciaran', 'Angus', 'Fergus', 'Niall', 'Callum', 'Eoin', 'Rory', 'Padraig'],
    female: ['Siobhan', 'Aoife', 'Niamh', 'Fiona', 'Maeve', 'Orla', 'Catriona', 'Saoirse', 'Deirdre', 'Isla'],
    family: [
      "O'Sullivan",
      'MacLeod',
      'Byrne',
      'Fitzgerald',
      'McAllister',
      'Gallagher',
      'Kennedy',
      'Murray',
      'Doherty',
      'Sinclair',
    ],
  },
];

/** Relationship words used when a note mentions a relative. */
export const RELATIVES = ['daughter', 'son', 'wife', 'husband', 'sister', 'brother', 'granddaughter', 'niece'] as const;
